//! Components mounted and driven in a real browser (headless Chromium via wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use pstn_console::api::{ApiError, WebexError};
use pstn_console::components::ApiErrorView;
use pstn_console::config::AppConfig;
use pstn_console::pages::sign_in::SessionSignIn;
use pstn_console::session::Session;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

#[wasm_bindgen_test]
async fn api_error_shows_message_details_and_tracking_id_as_text() {
    let root = container();
    let error = ApiError::Webex(WebexError::from_response(
        409,
        r#"{"message":"<b>Trunk name already exists.</b>","errors":[{"description":"Choose another name.","errorCode":27561}],"trackingId":"ROUTER_123"}"#,
        None,
    ));
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <ApiErrorView error=error.clone() context="The trunk was not created" /> }
    });
    leptos::task::tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("The trunk was not created"), "{text}");
    assert!(
        text.contains("<b>Trunk name already exists.</b>"),
        "markup from the API is text: {text}"
    );
    assert!(text.contains("Choose another name."), "{text}");
    assert!(text.contains("HTTP 409"), "{text}");
    assert!(text.contains("27561"), "{text}");
    assert!(text.contains("ROUTER_123"), "{text}");
    assert!(
        root.query_selector("b").unwrap().is_none(),
        "no HTML was inserted"
    );
}

#[wasm_bindgen_test]
async fn sign_in_refuses_an_empty_token_without_calling_webex() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        provide_context(Session::new());
        // An API base nobody listens on: a request would fail, not pass silently.
        provide_context(AppConfig {
            api_base: "http://127.0.0.1:9/v1".into(),
            oauth: None,
        });
        view! { <SessionSignIn /> }
    });
    leptos::task::tick().await;
    let button: web_sys::HtmlElement = root
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Sign in");
    button.click();
    leptos::task::tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Paste your access token first."), "{text}");
    let input = root.query_selector("#access-token").unwrap().unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        button.text_content().unwrap(),
        "Sign in",
        "nothing is being checked"
    );
}

fn key(target: &web_sys::HtmlElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// A picker of `names` (ids `id-<name>`) mounted in a fresh container: the container, the chosen
/// id, the picker's input, and the mount handle (keep it alive for the test).
async fn mount_picker(
    id: &'static str,
    names: &[&str],
) -> (
    web_sys::HtmlElement,
    RwSignal<String>,
    web_sys::HtmlInputElement,
    impl Sized,
) {
    use pstn_console::components::{Picker, PickerOption};
    let root = container();
    let chosen = RwSignal::new(String::new());
    let options: Vec<PickerOption> = names
        .iter()
        .map(|name| PickerOption {
            id: format!("id-{name}"),
            label: name.to_string(),
            hint: None,
        })
        .collect();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Picker
                id=id
                name="locationId"
                options=Signal::derive(move || options.clone())
                value=chosen
                on_change=Callback::new(move |id: String| chosen.set(id))
            />
        }
    });
    leptos::task::tick().await;
    let input: web_sys::HtmlInputElement = root
        .query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap()
        .unchecked_into();
    (root, chosen, input, handle)
}

#[wasm_bindgen_test]
async fn picker_filters_as_typed_and_chooses_with_the_keyboard() {
    let (root, chosen, input, _handle) =
        mount_picker("loc", &["Berlin Office", "Boston HQ", "London Office"]).await;
    assert_eq!(input.name(), "locationId");
    input.focus().unwrap();
    input.set_value("office");
    input
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict("input", &{
                let i = web_sys::EventInit::new();
                i.set_bubbles(true);
                i
            })
            .unwrap(),
        )
        .unwrap();
    leptos::task::tick().await;
    let listbox = root
        .query_selector("[role=listbox]")
        .unwrap()
        .expect("the list opens");
    assert_eq!(
        listbox.text_content().unwrap(),
        "Berlin OfficeLondon Office"
    );
    key(&input, "ArrowDown");
    leptos::task::tick().await;
    key(&input, "Enter");
    leptos::task::tick().await;
    assert_eq!(chosen.get_untracked(), "id-London Office");
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(input.value(), "London Office");
}

fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn picker_reentered_keeps_its_choice_and_says_no_match_outside_the_list() {
    let (root, chosen, input, _handle) =
        mount_picker("again", &["Boston HQ", "London Office"]).await;
    input.focus().unwrap();
    type_into(&input, "london");
    leptos::task::tick().await;
    key(&input, "Enter");
    leptos::task::tick().await;
    assert_eq!(chosen.get_untracked(), "id-London Office");

    // Leaving and entering again: the choice shows and is the one highlighted.
    input.blur().unwrap();
    input.focus().unwrap();
    leptos::task::tick().await;
    assert_eq!(input.value(), "London Office");
    let active = input
        .get_attribute("aria-activedescendant")
        .expect("a highlight");
    let option = root.query_selector(&format!("#{active}")).unwrap().unwrap();
    assert_eq!(option.text_content().unwrap(), "London Office");
    assert_eq!(
        option.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    key(&input, "Enter");
    leptos::task::tick().await;
    assert_eq!(chosen.get_untracked(), "id-London Office", "Enter kept it");

    // Nothing matches: no option and no highlight; "No match" is outside the listbox.
    type_into(&input, "zzz");
    leptos::task::tick().await;
    assert!(root.query_selector("[role=option]").unwrap().is_none());
    assert_eq!(input.get_attribute("aria-activedescendant"), None);
    let listbox = root.query_selector("[role=listbox]").unwrap().unwrap();
    assert_eq!(listbox.children().length(), 0);
    let note = root.query_selector("#again-note").unwrap().unwrap();
    assert_eq!(note.text_content().unwrap(), "No match");
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("again-note")
    );
    key(&input, "Escape");
    leptos::task::tick().await;
    assert_eq!(input.value(), "London Office");
    assert_eq!(chosen.get_untracked(), "id-London Office");
}
