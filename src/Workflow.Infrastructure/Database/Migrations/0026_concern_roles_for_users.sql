-- Local users may hold the grievance roles too (Roles.All: "every role a user or an API key may hold"): investigators
-- sign in to the /grievances pages. 0010 allowed only the three due-diligence roles, so adding an investigator failed.
alter table workflow.users drop constraint users_role;
alter table workflow.users add constraint users_role
    check (role in ('ComplianceOwner', 'Manager', 'Auditor', 'Investigator', 'GrievanceIntake'));
