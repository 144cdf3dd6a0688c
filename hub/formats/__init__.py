"""The hub's date and number formats, one per language (``FORMAT_MODULE_PATH``).

Django's own Arabic formats disagree with each other («28 نوفمبر، 2026» for a date but
«نوفمبر 28, 2026, 12:26 ص» for a date and time, with a Latin comma and a 12-hour clock). The hub
uses one Arabic order everywhere: day, month name, year, then a 24-hour time after an Arabic
comma; Western digits as in the source documents 002 and 003. ``hub/formatting.py`` is the one
helper the templates (``hub_date``/``hub_datetime`` filters) and Python code call.
"""
