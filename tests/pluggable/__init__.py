"""A small app that exists only in the test settings, to prove that a new app plugs into the
hub by declarations alone (see CONTRIBUTING.md): a page type inheriting ``HubPage``, in site
search with its label, with a facet, an account-menu entry and a header link."""
