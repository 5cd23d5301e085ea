import datetime

from activities.schedule import Schedule, weekday_mask, weekdays_of

D = datetime.date
T = datetime.time


def weekly(**kwargs):
    defaults = dict(
        kind="weekly",
        start_date=D(2026, 9, 1),
        end_date=D(2027, 6, 30),
        weekdays=weekday_mask([2]),  # Wednesday
        start_time=T(13, 30),
        end_time=T(16, 0),
    )
    return Schedule(**{**defaults, **kwargs})


def test_weekly_sessions_fall_on_the_chosen_days():
    dates = list(weekly().dates(limit=3))
    assert dates == [D(2026, 9, 2), D(2026, 9, 9), D(2026, 9, 16)]
    assert all(day.weekday() == 2 for day in weekly().dates())


def test_sessions_from_a_date():
    assert weekly().sessions(start=D(2026, 11, 22), limit=1)[0].date == D(2026, 11, 25)


def test_cancelled_dates_are_skipped():
    schedule = weekly(cancelled={D(2026, 9, 9)})
    assert list(schedule.dates(limit=2)) == [D(2026, 9, 2), D(2026, 9, 16)]


def test_weekly_activities_skip_school_holidays_but_camps_do_not():
    autumn = [(D(2026, 10, 26), D(2026, 11, 8))]
    in_holiday = D(2026, 10, 28)
    assert in_holiday not in set(weekly(holidays=autumn).dates())
    camp = Schedule(
        kind="camp",
        start_date=D(2026, 10, 26),
        end_date=D(2026, 10, 30),
        weekdays=0,
        start_time=T(9, 0),
        end_time=T(16, 0),
        holidays=autumn,
    )
    assert len(list(camp.dates())) == 5


def test_one_off_has_one_session():
    schedule = Schedule(
        kind="one_off",
        start_date=D(2026, 12, 5),
        end_date=None,
        weekdays=0,
        start_time=T(10, 0),
        end_time=T(12, 0),
    )
    assert list(schedule.dates()) == [D(2026, 12, 5)]
    assert list(schedule.dates(start=D(2026, 12, 6))) == []
    assert schedule.last_date() == D(2026, 12, 5)
    assert schedule.weekday_mask() == weekday_mask([5])  # a Saturday


def test_last_date_is_the_last_real_session():
    schedule = weekly(end_date=D(2027, 6, 30), cancelled={D(2027, 6, 30)})
    assert schedule.last_date() == D(2027, 6, 23)


def test_weekday_mask_round_trip():
    assert weekdays_of(weekday_mask([0, 2, 6])) == [0, 2, 6]
    camp = Schedule(
        kind="camp",
        start_date=D(2027, 7, 5),
        end_date=D(2027, 7, 9),
        weekdays=0,
        start_time=T(9, 0),
        end_time=T(16, 0),
    )
    assert camp.weekday_mask() == weekday_mask([0, 1, 2, 3, 4])
