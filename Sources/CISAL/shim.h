#pragma once
// ISA-L (Intel's Intelligent Storage Acceleration Library): its inflate and CRC-32.
#include <isa-l/igzip_lib.h>
#include <isa-l/crc.h>
