"""One profile per UN member State, in its region; the initial champion countries flagged."""

from django.db import migrations


def create_profiles(apps, schema_editor):
    from countries.data import INITIAL_CHAMPIONS, MEMBER_STATES

    CountryProfile = apps.get_model("countries", "CountryProfile")
    existing = set(CountryProfile.objects.values_list("country", flat=True))
    CountryProfile.objects.bulk_create([
        CountryProfile(country=code, region=region, is_champion=code in INITIAL_CHAMPIONS)
        for code, region in MEMBER_STATES.items() if code not in existing
    ])


class Migration(migrations.Migration):
    dependencies = [("countries", "0001_initial")]

    operations = [migrations.RunPython(create_profiles, migrations.RunPython.noop)]
