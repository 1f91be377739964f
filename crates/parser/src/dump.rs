pub fn dump_block() {}
