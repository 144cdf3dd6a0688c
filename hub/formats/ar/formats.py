# One Arabic format for every date on the hub: «28 نوفمبر 2026» and «28 نوفمبر 2026، 12:26».
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j/n/Y"
SHORT_DATETIME_FORMAT = "j/n/Y، H:i"
FIRST_DAY_OF_WEEK = 6  # Saturday
# Western digits with CLDR's separators for Arabic in Latin digits (ar-u-nu-latn).
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
