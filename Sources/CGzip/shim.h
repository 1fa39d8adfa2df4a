#pragma once
// zlib: gzip compression of the web page's files (served once compressed, from memory).
#include <zlib.h>
