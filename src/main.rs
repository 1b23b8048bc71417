fn main() {
    pstn_console::start();
}
