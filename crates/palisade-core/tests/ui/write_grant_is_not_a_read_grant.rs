// Grants are not ordered: a write grant does not stand in for a read grant either, so each
// route asks for exactly what it does.
use palisade_core::grant::{ReadRecords, WriteRecords};
use palisade_core::{Granted, Holder, Permission};

struct Scope;

impl Holder for Scope {
    fn allows(&self, _: Permission) -> bool {
        true
    }
}

fn list_records(_: &Granted<ReadRecords, Scope>) {}

fn main() {
    let Ok(write) = Granted::<WriteRecords, _>::check(Scope) else {
        return;
    };
    list_records(&write);
}
