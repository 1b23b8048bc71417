//! Where the console is hosted: at the root of a site, or under a sub-path such as
//! `https://cdn.example.com/tools/pstn/` (built with `trunk build --public-url /tools/pstn/`,
//! which writes `<base href="/tools/pstn/">`). Every link and navigation in the app goes
//! through [`href`], so it stays under that path. The pure part is tested on the host.

/// The path of a base URL (`document.baseURI`) without its trailing slash: `""` at the root of a
/// site, `"/tools/pstn"` for `https://cdn.example.com/tools/pstn/`. Like the browser resolving a
/// relative URL, it takes the folder of the base, so a base ending in a file name counts as the
/// folder it is in.
pub fn base_path_of(base_uri: &str) -> String {
    let Some((_, rest)) = base_uri.split_once("://") else {
        return String::new();
    };
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let path = rest.find('/').map_or("/", |at| &rest[at..]);
    let folder = &path[..=path.rfind('/').unwrap_or(0)];
    folder.trim_end_matches('/').to_string()
}

/// An app path (`"/trunks/new?x=1"`) as a link under `base` (`"/tools/pstn/trunks/new?x=1"`).
pub fn join(base: &str, path: &str) -> String {
    format!("{base}/{}", path.trim_start_matches('/'))
}

/// The base path of this page (see [`base_path_of`]), read once from `document.baseURI`.
pub fn base() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .map(|uri| base_path_of(&uri))
            .unwrap_or_default()
    })
}

/// An app path (`"/trunks/new?x=1"`) as a link on this page: under its base path.
pub fn href(path: &str) -> String {
    join(base(), path)
}

/// `leptos_router::hooks::use_navigate`, for app paths: it navigates to [`href`] of the path.
pub fn use_navigate() -> impl Fn(&str, leptos_router::NavigateOptions) + Clone {
    let navigate = leptos_router::hooks::use_navigate();
    move |path: &str, options: leptos_router::NavigateOptions| {
        // `resolve: false`: the router would otherwise put its base in front a second time.
        let options = leptos_router::NavigateOptions {
            resolve: false,
            ..options
        };
        navigate(&href(path), options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_is_the_folder_of_the_base_url() {
        assert_eq!(base_path_of("http://127.0.0.1:8180/"), "");
        assert_eq!(base_path_of("https://console.example"), "");
        assert_eq!(
            base_path_of("https://cdn.example.com/tools/pstn/"),
            "/tools/pstn"
        );
        assert_eq!(
            base_path_of("https://cdn.example.com/tools/pstn/index.html?x=/a/#/b/"),
            "/tools/pstn"
        );
        assert_eq!(base_path_of("https://cdn.example.com/tools/pstn"), "/tools");
        assert_eq!(base_path_of("http://h//"), "");
        assert_eq!(base_path_of("about:blank"), "");
        assert_eq!(base_path_of(""), "");
    }

    #[test]
    fn app_paths_are_joined_under_the_base() {
        assert_eq!(join("", "/"), "/");
        assert_eq!(join("", "/trunks/new?x=1"), "/trunks/new?x=1");
        assert_eq!(join("/tools/pstn", "/"), "/tools/pstn/");
        assert_eq!(join("/tools/pstn", "/trunks"), "/tools/pstn/trunks");
        assert_eq!(
            join("/tools/pstn", "/locations/L1/pstn?premiseRouteType=TRUNK"),
            "/tools/pstn/locations/L1/pstn?premiseRouteType=TRUNK"
        );
        assert_eq!(join("/tools/pstn", "/?q=a"), "/tools/pstn/?q=a");
        // Never a protocol-relative URL to another site.
        assert_eq!(join("", "//evil.example/x"), "/evil.example/x");
    }
}
