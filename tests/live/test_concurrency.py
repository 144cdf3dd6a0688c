"""Parallel requests against a real server (tests/live/conftest.py), on SQLite and PostgreSQL.

- Limits hold under a burst: 16 parallel "submit for review" POSTs of one person start 10
  workflows (the daily limit), 16 parallel replies store 10 (10 per 10 minutes).
- Writes wait their turn on SQLite: parallel submissions and replies never answer 500
  ("database is locked").
"""

from concurrent.futures import ThreadPoolExecutor

from tests.submissions.test_journey import submission_data


def in_parallel(count, call):
    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(call, range(count)))


def workflows_of(site, user):
    return site.count(
        "SELECT COUNT(*) FROM wagtailcore_workflowstate WHERE requested_by_id = %s", user["id"]
    )


def replies_of(site, user):
    return site.count(
        "SELECT COUNT(*) FROM discussions_reply WHERE author_id = %s", user["id"]
    )


def test_parallel_submissions_of_one_person_stop_at_the_daily_limit(live_site):
    user = live_site.users[0]
    statuses = in_parallel(16, lambda n: live_site.post(
        user, "/en/practices/submit/", submission_data(title=f"Burst {n}")))
    assert all(status < 500 for status in statuses), statuses
    assert statuses.count(302) == 10, statuses
    assert workflows_of(live_site, user) == 10


def test_parallel_replies_of_one_person_stop_at_the_rate_limit(live_site):
    user = live_site.users[1]
    statuses = in_parallel(16, lambda n: live_site.post(
        user, live_site.topic_url + "reply/",
        {"question": live_site.question, "body": f"Reply number {n}"}))
    assert all(status < 500 for status in statuses), statuses
    assert statuses.count(302) == 10 and statuses.count(429) == 6, statuses
    assert replies_of(live_site, user) == 10


def test_parallel_writes_of_many_people_all_succeed(live_site):
    """Fourteen people submit at once and sixteen reply at once: every one is stored."""
    submitters, repliers = live_site.users[2:16], live_site.users[4:20]
    statuses = in_parallel(len(submitters), lambda n: live_site.post(
        submitters[n], "/en/practices/submit/", submission_data(title=f"Practice {n}")))
    assert statuses == [302] * len(submitters), statuses
    assert all(workflows_of(live_site, user) == 1 for user in submitters)
    statuses = in_parallel(len(repliers), lambda n: live_site.post(
        repliers[n], live_site.topic_url + "reply/",
        {"question": live_site.question, "body": f"A reply from person {n}"}))
    assert statuses == [302] * len(repliers), statuses
    assert all(replies_of(live_site, user) == 1 for user in repliers)
