-- The escalation queue filtered by campaign stays an index range scan in (escalated_at, id) order at 100,000 cases.
create index cases_escalated_campaign on workflow.cases (campaign_id, escalated_at, id) where state = 'Escalated';
