// A handler given a read grant tries a write: the compiler refuses it.
use palisade_core::grant::{ReadRecords, WriteRecords};
use palisade_core::{Granted, Holder, Permission};

struct Scope;

impl Holder for Scope {
    fn allows(&self, _: Permission) -> bool {
        true
    }
}

fn delete_record(_: &Granted<WriteRecords, Scope>) {}

fn main() {
    let Ok(read) = Granted::<ReadRecords, _>::check(Scope) else {
        return;
    };
    delete_record(&read);
}
