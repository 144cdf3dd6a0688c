# Varnish in front of the hub's gunicorn (deploy/README.md). Caches what the hub marks
# `Cache-Control: public, s-maxage=…` (anonymous pages), passes everything else, and forgets on
# the hub's PURGE (one URL, Wagtail's frontend_cache on publish) and BAN (everything, on any
# content change: hub/page_cache.py), accepted from loopback only.
# `make stack` rewrites the backend port; production sets it here.
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) { return (synth(405, "Not allowed")); }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) { return (synth(405, "Not allowed")); }
        ban("obj.status != 0");
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Signed-in visitors (a session) and visitors with a flash message are never served
    # from the cache; the hub marks their pages private anyway.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin|documents)/" || req.url ~ "^/[^/]+/(search|accounts)/") {
        return (pass);
    }
    # Anonymous: the page is the same for everyone; other cookies (csrftoken) do not matter
    # for pages the hub lets us keep, and would split the cache.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # The hub decides: only `public, s-maxage` responses without Set-Cookie are kept (the
    # built-in rules refuse Set-Cookie, private, no-cache and no-store).
    if (beresp.http.Cache-Control !~ "s-maxage") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # While the hub cannot answer (restart, overload), serve what we have for a minute.
    set beresp.grace = 60s;
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "hit";
    } else {
        set resp.http.X-Varnish-Cache = "miss";
    }
}

sub vcl_backend_error {
    # The hub is down and nothing is cached: a short page instead of Varnish's own.
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "5";
    synthetic({"<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>503</title><p>الموقع غير متاح مؤقتًا. يرجى المحاولة بعد قليل.</p><p lang="en" dir="ltr">The site is briefly unavailable. Please try again in a moment.</p></html>"});
    return (deliver);
}
