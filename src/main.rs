fn main() {
    hutong::start();
}
