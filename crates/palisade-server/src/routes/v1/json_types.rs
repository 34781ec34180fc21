//! Schemas for free-form JSON: any object, and a record, whose keys and strings carry no
//! U+0000 at any depth (the server refuses it with `unsupported_character`). Both are written
//! out, because a bare `{"type": "object"}` reads as "no members" to some client generators.

use utoipa::openapi::schema::{
    AdditionalProperties, AnyOfBuilder, ArrayBuilder, ObjectBuilder, SchemaType, Type,
};
use utoipa::openapi::{Ref, RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

/// A string without U+0000.
const NO_NUL: &str = "^[^\\x00]*$";

/// Any JSON object; its members are the caller's.
#[derive(Debug)]
pub struct JsonObject;

impl PartialSchema for JsonObject {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .additional_properties(Some(AdditionalProperties::FreeForm(true)))
            .into()
    }
}

impl ToSchema for JsonObject {}

/// A record's data: a JSON object, U+0000 nowhere in it.
#[derive(Debug)]
pub struct RecordData;

/// Any JSON value without U+0000, the members of a [`RecordData`].
#[derive(Debug)]
pub struct JsonValue;

/// An array of [`JsonValue`]s. A component of its own: TypeScript cannot alias a union that
/// holds an array of itself directly.
#[derive(Debug)]
pub struct JsonArray;

fn text() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(NO_NUL))
}

impl PartialSchema for RecordData {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .property_names(Some(text()))
            .additional_properties(Some(Ref::from_schema_name(JsonValue::name())))
            .description(Some(
                "A JSON object up to 1 MiB; no key or string in it contains U+0000.",
            ))
            .into()
    }
}

impl ToSchema for RecordData {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((JsonValue::name().into_owned(), JsonValue::schema()));
        schemas.push((JsonArray::name().into_owned(), JsonArray::schema()));
    }
}

impl PartialSchema for JsonValue {
    fn schema() -> RefOr<Schema> {
        let scalar = ObjectBuilder::new().schema_type(SchemaType::from_iter([
            Type::Number,
            Type::Boolean,
            Type::Null,
        ]));
        AnyOfBuilder::new()
            .item(text())
            .item(scalar)
            .item(Ref::from_schema_name(JsonArray::name()))
            .item(Ref::from_schema_name(RecordData::name()))
            .into()
    }
}

impl ToSchema for JsonValue {}

impl PartialSchema for JsonArray {
    fn schema() -> RefOr<Schema> {
        ArrayBuilder::new()
            .items(Ref::from_schema_name(JsonValue::name()))
            .into()
    }
}

impl ToSchema for JsonArray {}
