#pragma once
// Nothing to call: this target only supplies the D-Bus symbols that libzbar.a's image scanner
// names (see DBusStubs.c). Swift code imports CZBar.
