-- Business calendar (工作日历) for time limits: working hours, weekend days, and the dates that
-- differ from the weekly pattern (public holidays, make-up working days 调休). One settings row;
-- dates are entered by the admin each year, because the State Council publishes them late.
create table business_calendar_settings (
    id             smallint primary key check (id = 1),
    -- working periods of a working day, e.g. '08:30-12:00,14:00-17:30'
    working_hours  varchar(100) not null,
    -- ISO days of week that are not working days (6 = Saturday, 7 = Sunday)
    weekend_days   varchar(20)  not null,
    version        bigint       not null default 0
);
insert into business_calendar_settings (id, working_hours, weekend_days) values (1, '08:30-12:00,14:00-17:30', '6,7');

create table business_calendar_day (
    day   date primary key,
    kind  varchar(10)  not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name  varchar(100) not null
);
