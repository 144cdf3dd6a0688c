"""The word count is the same on the server and in the browser (reviews/template.py and
reviews/static/reviews/word-count.js); these counts are pinned, and the browser test runs the
JavaScript on the same texts."""

from reviews.template import sections, word_count

ENGLISH = "Migrants' rights — a whole-of-government approach (2021): 3 ministries, 12 NGOs."
ARABIC = ("أنشأت الحكومةُ لجنةً وطنيةً لتنسيق الاستعراض، والمهاجرين — "
          "الهِجْرَة ٢٠٢١ ؛ مــدرسة « » 3")
SAMPLES = {ENGLISH: 10, ARABIC: 11, "": 0, "   \n\t ": 0, "— ، . «»": 0,
           "one\u00a0two\u2003three\ufefffour": 4}


def test_pinned_counts():
    for text, expected in SAMPLES.items():
        assert word_count(text) == expected, text


def test_template_sections_and_limits_come_from_the_reference_data():
    assert [(s.number, s.max_words) for s in sections()] == [
        (1, 500), (2, 1500), (3, 2000), (4, 500), (5, 500)]
    assert sections()[0].title("ar") == "المنهجية"
    assert sections()[4].title("en") == "Next steps"
    assert len(sections()[0].questions) == 8
    assert sections()[0].questions_in("ar")[0].startswith("هل أنشأت آليةً")
