-- Local users may hold the grievance mechanism's roles too (Investigator signs in to the concern pages; GrievanceIntake is
-- listed for completeness, as Roles.All): 0010 allowed only the three due-diligence roles, so adding such a user failed.
-- Drop-if-exists then add, so this stays right whichever other migration also widened the check.
alter table workflow.users drop constraint if exists users_role;
alter table workflow.users add constraint users_role
    check (role in ('ComplianceOwner', 'Manager', 'Auditor', 'Investigator', 'GrievanceIntake'));
