"""When an activity takes place: pure date arithmetic, no database."""

import datetime
from dataclasses import dataclass, field

WEEKDAY_BITS = [1 << day for day in range(7)]  # Monday = bit 0 ... Sunday = bit 6


def weekday_mask(days):
    """Bit mask from weekday numbers (Monday = 0)."""
    mask = 0
    for day in days:
        mask |= 1 << day
    return mask


def weekdays_of(mask):
    return [day for day in range(7) if mask & (1 << day)]


@dataclass(frozen=True)
class Session:
    date: datetime.date
    start_time: datetime.time
    end_time: datetime.time

    @property
    def start(self):
        return datetime.datetime.combine(self.date, self.start_time)

    @property
    def end(self):
        return datetime.datetime.combine(self.date, self.end_time)


@dataclass
class Schedule:
    kind: str  # one_off, weekly, camp
    start_date: datetime.date
    end_date: datetime.date | None
    weekdays: int
    start_time: datetime.time
    end_time: datetime.time
    cancelled: set = field(default_factory=set)
    holidays: list = field(default_factory=list)  # [(first day, last day)]

    def _candidate_dates(self, start):
        first = max(self.start_date, start) if start else self.start_date
        if self.kind == "one_off":
            if self.start_date >= first:
                yield self.start_date
            return
        last = self.end_date or self.start_date
        day = first
        while day <= last:
            if self.kind == "camp" or self.weekdays & (1 << day.weekday()):
                yield day
            day += datetime.timedelta(days=1)

    def _takes_place(self, day):
        if day in self.cancelled:
            return False
        # A holiday camp happens in the holidays by design; only weekly activities skip them.
        if self.kind == "weekly" and any(first <= day <= last for first, last in self.holidays):
            return False
        return True

    def dates(self, start=None, limit=None):
        found = 0
        for day in self._candidate_dates(start):
            if self._takes_place(day):
                yield day
                found += 1
                if limit is not None and found >= limit:
                    return

    def sessions(self, start=None, limit=None):
        return [Session(day, self.start_time, self.end_time) for day in self.dates(start, limit)]

    def last_date(self):
        """The date of the last session, or of the last planned day when every one is cancelled."""
        last = None
        for day in self.dates():
            last = day
        return last or self.end_date or self.start_date

    def weekday_mask(self):
        """The weekdays on which sessions fall, as a bit mask (for filtering by day)."""
        if self.kind == "weekly":
            return self.weekdays
        mask = 0
        for day in self._candidate_dates(None):
            mask |= 1 << day.weekday()
            if mask == 0b1111111:
                break
        return mask
