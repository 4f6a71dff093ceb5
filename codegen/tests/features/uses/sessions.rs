//! Compiled into the rendered `features` crate by `emit.rs`: the TOP client sends the session an operation needs
//! and refuses to build its call without one.

use codegen_runtime::client::{CallError, Codec, Top};
use codegen_runtime::top::{Credentials, Options};
use codegen_runtime::{Endpoint, Operation, TopSession};
use features::sessions::{ItemCount, ItemGet, ItemPeek, ItemQuery};

fn client(session: Option<&str>) -> Top {
    Top::new(Credentials::new("12345678", "secret")).options(Options {
        session: session.map(str::to_owned),
        ..Options::default()
    })
}

fn body<O: Operation<Request = ItemQuery, Uri = ()>>(session: Option<&str>) -> Result<String, CallError> {
    let request = client(session).encode::<O>(&ItemQuery { num_iid: 42 })?;
    Ok(String::from_utf8(request.into_body()).expect("a form is text"))
}

#[test]
fn each_operation_states_what_its_page_says_of_the_session() {
    let session = |endpoint| match endpoint {
        Endpoint::Top { session, .. } => session,
        Endpoint::Http { .. } => panic!("a TOP operation"),
    };
    assert_eq!(session(ItemGet::ENDPOINT), TopSession::Required);
    assert_eq!(session(ItemPeek::ENDPOINT), TopSession::Optional);
    assert_eq!(session(ItemCount::ENDPOINT), TopSession::Unstated);
}

#[test]
fn a_required_session_is_sent_and_its_absence_refused() {
    assert!(body::<ItemGet>(Some("user-1")).unwrap().contains("session=user-1"));
    assert!(matches!(
        body::<ItemGet>(None),
        Err(CallError::SessionMissing { operation: "item_get" })
    ));
}

#[test]
fn an_optional_or_unstated_session_is_sent_only_when_given() {
    assert!(body::<ItemPeek>(Some("user-1")).unwrap().contains("session=user-1"));
    assert!(!body::<ItemPeek>(None).unwrap().contains("session="));
    assert!(!body::<ItemCount>(None).unwrap().contains("session="));
}
