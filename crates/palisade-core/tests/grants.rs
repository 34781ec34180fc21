//! Permission witnesses hold at compile time: a read grant cannot call a write, and no grant
//! can be made without the check.

#[test]
fn grants_cannot_be_forged_or_swapped() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
