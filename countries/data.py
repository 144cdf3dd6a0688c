"""The 193 United Nations member States, each in one region of the UN Network on Migration.

The region is the hub's initial assignment (a ``hub.Region`` slug); editors change a country's
region, champion status, national network and plan in the admin (``CountryProfile``). The
champion countries are the initial five named by the reference data (``champion_countries``);
the 33 of 2023 are not listed by name in the sources, so editors add the others.
"""

REGIONS = {
    "middle-east-and-north-africa": (
        "DZ BH DJ EG IQ JO KM KW LB LY MR MA OM QA SA SO SD SY TN AE YE"
    ),
    "east-and-southern-africa": (
        "AO BW BI ER SZ ET KE LS MG MW MU MZ NA RW SC SS ZA TZ UG ZM ZW"
    ),
    "west-and-central-africa": (
        "BJ BF CV CM CF TD CG CD CI GQ GA GM GH GN GW LR ML NE NG ST SN SL TG"
    ),
    "europe-and-central-asia": (
        "AL AD AM AT AZ BY BE BA BG HR CY CZ DK EE FI FR GE DE GR HU IS IE IL IT KZ KG LV LI LT "
        "LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH TJ TR TM UA GB UZ"
    ),
    "asia-and-the-pacific": (
        "AF AU BD BT BN KH CN FJ IN ID IR JP KI KP KR LA MY MV MH FM MN MM NR NP NZ PK PW PG PH "
        "WS SG SB LK TH TL TO TV VU VN"
    ),
    "latin-america-and-the-caribbean": (
        "AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC "
        "SR TT UY VE"
    ),
    "north-america": "CA US",
}

MEMBER_STATES = {code: region for region, codes in REGIONS.items() for code in codes.split()}

# Reference data, champion_countries.initial (seed 001).
INITIAL_CHAMPIONS = ("MA", "GW", "SV", "PT", "CA")
