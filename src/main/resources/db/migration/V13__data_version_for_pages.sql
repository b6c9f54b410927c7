-- Public pages are also kept per node under the data version, so everything they show raises it:
-- goals, their targets, scales, milestones and comments, services, contact details, expected-time
-- settings and letter templates.
do $$
declare
    t text;
begin
    foreach t in array array['goal', 'goal_target', 'goal_scale_level', 'goal_milestone', 'goal_comment', 'service',
                             'organisation_contact', 'expected_time_setting', 'letter_template']
    loop
        execute format('create trigger %I after insert or update or delete or truncate on %I for each statement execute function note_data_change()',
                       t || '_changes_data', t);
    end loop;
end $$;
