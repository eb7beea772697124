-- The per-question summary of a campaign (counts of each answer over the done targets), kept per
-- grid by triggers on campaign_target like the progress figures (V87): read live, the summary
-- expanded the JSON answers of every done target under the node, ~134,000 documents for a county
-- campaign half done. Now it sums at most (questions x answers) rows per grid.
-- value '' holds "answered at all" (a form never stores a blank answer: FormAnswers drops them).
-- Only the answers a summary counts are kept: yes/no and choice codes, and numbers (their problem
-- rule is a range); free text, dates and photo ids would make a row per household.
create table campaign_answer_count (
    campaign_id  bigint       not null references campaign (id),
    grid_id      bigint       not null,
    question     varchar(40)  not null,
    value        varchar(200) not null,
    n            int          not null default 0,
    primary key (campaign_id, grid_id, question, value)
);

-- The (question, value) pairs one answer document adds to the counts, given its form's questions.
create function campaign_answer_values(questions jsonb, answers jsonb) returns table (question varchar, value varchar)
    language sql immutable as $$
    select a.key, left(v.value, 200)
    from jsonb_each(answers) a(key, val)
         cross join lateral (select q->>'kind' as kind from jsonb_array_elements(questions) q
                             where q->>'code' = a.key limit 1) k
         cross join lateral (select e.value from jsonb_array_elements_text(
                                 case when jsonb_typeof(a.val) = 'array' then a.val else '[]'::jsonb end) e(value)
                             where k.kind in ('YES_NO', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'NUMBER')
                             union all select '') v(value)
    where jsonb_typeof(answers) = 'object'
$$;

-- one function per trigger: a function may only name the transition tables its trigger declares
create function campaign_answers_insert() returns trigger language plpgsql as $$
begin
    insert into campaign_answer_count as p (campaign_id, grid_id, question, value, n)
    select d.campaign_id, d.grid_id, x.question, x.value, count(*)
    from new_rows d join campaign c on c.id = d.campaign_id join campaign_form f on f.id = c.form_id
         cross join lateral campaign_answer_values(f.questions, d.answers) x
    where d.status = 'DONE' and d.answers is not null
    group by 1, 2, 3, 4
    on conflict (campaign_id, grid_id, question, value) do update set n = p.n + excluded.n;
    return null;
end $$;

create function campaign_answers_update() returns trigger language plpgsql as $$
begin
    -- only rows whose answers, status or grid changed: a nobody-home visit or a raised issue leaves the counts
    insert into campaign_answer_count as p (campaign_id, grid_id, question, value, n)
    select d.campaign_id, d.grid_id, x.question, x.value, sum(d.sign)
    from (
        select n.campaign_id, n.grid_id, n.answers, 1 as sign
        from new_rows n join old_rows o on o.id = n.id
        where n.status = 'DONE' and n.answers is not null
          and (o.status is distinct from n.status or o.answers is distinct from n.answers or o.grid_id <> n.grid_id)
        union all
        select o.campaign_id, o.grid_id, o.answers, -1
        from old_rows o join new_rows n on n.id = o.id
        where o.status = 'DONE' and o.answers is not null
          and (o.status is distinct from n.status or o.answers is distinct from n.answers or o.grid_id <> n.grid_id)
    ) d join campaign c on c.id = d.campaign_id join campaign_form f on f.id = c.form_id
        cross join lateral campaign_answer_values(f.questions, d.answers) x
    group by 1, 2, 3, 4
    on conflict (campaign_id, grid_id, question, value) do update set n = p.n + excluded.n;
    return null;
end $$;

create trigger campaign_target_answers_insert after insert on campaign_target
    referencing new table as new_rows for each statement execute function campaign_answers_insert();
create trigger campaign_target_answers_update after update on campaign_target
    referencing old table as old_rows new table as new_rows for each statement execute function campaign_answers_update();

-- the answers given before this migration (the county data set's generated campaign: ~134,000)
insert into campaign_answer_count (campaign_id, grid_id, question, value, n)
select t.campaign_id, t.grid_id, x.question, x.value, count(*)
from campaign_target t join campaign c on c.id = t.campaign_id join campaign_form f on f.id = c.form_id
     cross join lateral campaign_answer_values(f.questions, t.answers) x
where t.status = 'DONE' and t.answers is not null
group by 1, 2, 3, 4;
