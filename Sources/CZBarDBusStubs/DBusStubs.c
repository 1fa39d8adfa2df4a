// BarcodeScanning links zbar's static archive (Package.swift): the shared libzbar loads 17 more
// libraries (D-Bus, libsystemd, libgcrypt, X11, V4L …) for its camera and window code, which cost
// every run of the CLI about 1.5 ms. Of that code only the image scanner's optional D-Bus output
// is reached from the functions HangViet calls: it sends each result as a D-Bus signal after
// zbar_image_scanner_request_dbus(scanner, 1), which HangViet never calls. These definitions
// satisfy the linker for it. Each reports failure (no connection, nothing sent), so that if the
// output were ever requested, zbar would find D-Bus unavailable and scan as usual.
#include <stddef.h>

void *dbus_bus_get(int type, void *error) { (void)type; (void)error; return NULL; }
int dbus_bus_request_name(void *connection, const char *name, unsigned flags, void *error) {
    (void)connection; (void)name; (void)flags; (void)error; return -1;
}
int dbus_bus_release_name(void *connection, const char *name, void *error) {
    (void)connection; (void)name; (void)error; return -1;
}
void dbus_connection_flush(void *connection) { (void)connection; }
unsigned dbus_connection_send(void *connection, void *message, void *serial) {
    (void)connection; (void)message; (void)serial; return 0;
}
void dbus_error_init(void *error) { (void)error; }
void dbus_error_free(void *error) { (void)error; }
unsigned dbus_error_is_set(const void *error) { (void)error; return 0; }
void *dbus_message_new_signal(const char *path, const char *interface, const char *name) {
    (void)path; (void)interface; (void)name; return NULL;
}
void dbus_message_unref(void *message) { (void)message; }
void dbus_message_iter_init_append(void *message, void *iter) { (void)message; (void)iter; }
unsigned dbus_message_iter_append_basic(void *iter, int type, const void *value) {
    (void)iter; (void)type; (void)value; return 0;
}
unsigned dbus_message_iter_append_fixed_array(void *iter, int type, const void *value, int count) {
    (void)iter; (void)type; (void)value; (void)count; return 0;
}
unsigned dbus_message_iter_open_container(void *iter, int type, const char *signature, void *sub) {
    (void)iter; (void)type; (void)signature; (void)sub; return 0;
}
unsigned dbus_message_iter_close_container(void *iter, void *sub) { (void)iter; (void)sub; return 0; }
