-- Follow-up timers live on the case row (due_at, indexed by cases_due). Hangfire wakes them up once per bucket of due
-- times rather than once per case: one row per bucket that has a wake-up scheduled (FollowUpWakeUps).
create table workflow.follow_up_wakeups (
    bucket   timestamptz primary key,
    wake_at  timestamptz not null
);
