// A grant made without the permission check: the compiler refuses it.
use palisade_core::grant::WriteRecords;
use palisade_core::Granted;
use std::marker::PhantomData;

struct Scope;

fn main() {
    let _forged: Granted<WriteRecords, Scope> = Granted {
        scope: Scope,
        permit: PhantomData,
    };
}
