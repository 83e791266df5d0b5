-- Re-evaluation (issue 12): a campaign's current submissions evaluated again under another reference list or policy
-- version, on purpose and on record. The submission and its original evaluation never change; each re-evaluation is
-- a row beside it, and "the current evaluation" is defined once, in workflow.current_evaluation below.

-- Each submission's declaration as read when it arrived (UTF-8 JSON of Workflow.Cmrt's CmrtDeclaration), so a
-- re-evaluation checks and assesses it again without reading the workbook. Written with the submission; older
-- submissions get theirs from the first re-evaluation that reads their file. It is supplier content, so the retention
-- purge empties it like the file (bytea, so the one purge path of records_immutable applies unchanged).
create table workflow.submission_declarations (
    submission_id uuid primary key references workflow.submissions(id),
    case_id       uuid not null references workflow.cases(id),
    recorded_at   timestamptz not null,
    declaration   bytea not null,
    purged_at     timestamptz
);
create index submission_declarations_case on workflow.submission_declarations (case_id);
create trigger submission_declarations_immutable before update or delete on workflow.submission_declarations
    for each row execute function workflow.records_immutable('declaration');
create trigger submission_declarations_no_truncate before truncate on workflow.submission_declarations
    for each statement execute function workflow.records_immutable();

-- One applied re-evaluation: who asked, with which versions, and its progress, which every instance's page reads.
create table workflow.reevaluation_runs (
    id                      uuid primary key,
    campaign_id             uuid not null references workflow.campaigns(id),
    requested_at            timestamptz not null,
    requested_by            text not null,
    reason                  text not null,
    policy_version          text not null,
    reference_list_version  text not null,
    as_of                   date not null,
    notify                  boolean not null,
    -- queued | running | done | failed
    status                  text not null,
    total                   integer not null default 0,
    done                    integer not null default 0,
    -- submissions whose outcome changed, and of those the cases moved and the cases left where they were
    changed                 integer not null default 0,
    moved                   integer not null default 0,
    not_moved               integer not null default 0,
    errors                  jsonb not null default '[]',
    started_at              timestamptz,
    finished_at             timestamptz
);
create index reevaluation_runs_campaign on workflow.reevaluation_runs (campaign_id, requested_at);

-- The history: one row per submission per run, never changed. outcome_before is the evaluation that was current
-- when the run reached the submission.
create table workflow.reevaluations (
    id                      bigserial primary key,
    run_id                  uuid not null references workflow.reevaluation_runs(id),
    submission_id           uuid not null references workflow.submissions(id),
    case_id                 uuid not null references workflow.cases(id),
    campaign_id             uuid not null references workflow.campaigns(id),
    at                      timestamptz not null,
    actor                   text not null,
    cause                   text not null,
    policy_version          text not null,
    reference_list_version  text not null,
    outcome_before          text not null,
    outcome_after           text not null,
    -- what differs from the evaluation before, one line each; a move of the case is in its audit trail (cause names the
    -- run), a case left where it was is in the run's errors
    reasons                 jsonb not null default '[]',
    -- the new evaluation without its declaration: that is the submission's, already inside its first evaluation (and
    -- in submission_declarations), and would more than double what a run of 10,000 writes
    evaluation              jsonb not null,
    -- a retried job skips what it already did
    unique (run_id, submission_id)
);
create index reevaluations_submission on workflow.reevaluations (submission_id, at desc, id desc);

create function workflow.reevaluations_append_only() returns trigger language plpgsql as $$
begin
    raise exception 're-evaluations are append-only (% refused)', tg_op;
end $$;
create trigger reevaluations_no_update before update or delete on workflow.reevaluations
    for each row execute function workflow.reevaluations_append_only();
create trigger reevaluations_no_truncate before truncate on workflow.reevaluations
    for each statement execute function workflow.reevaluations_append_only();

-- The one definition of a submission's current evaluation: its latest re-evaluation made before the cutoff (null: now),
-- with the submission's declaration put back, else the evaluation it was stored with. Reports, the dashboard, filings,
-- e-mails and the case page read it.
create function workflow.current_evaluation(p_submission uuid, p_cutoff timestamptz default null)
returns table (outcome text, evaluation jsonb, reevaluated_at timestamptz) language sql stable as $$
    select coalesce(r.outcome_after, s.outcome),
           case when r.evaluation is null then s.evaluation
                when s.evaluation ? 'declaration' then r.evaluation || jsonb_build_object('declaration', s.evaluation -> 'declaration')
                else r.evaluation end,
           r.at
      from workflow.submissions s
      left join lateral (select x.outcome_after, x.evaluation, x.at from workflow.reevaluations x
                          where x.submission_id = s.id and (p_cutoff is null or x.at < p_cutoff)
                          order by x.at desc, x.id desc limit 1) r on true
     where s.id = p_submission
$$;
