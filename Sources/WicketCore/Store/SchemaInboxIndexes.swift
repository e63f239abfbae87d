extension Schema {
    /// Indexes for the inbox's urgency segments (see `UrgencySegments`): each level is a range of
    /// due days read in order, per department, per holder, or over the whole hall. Partial: only
    /// running clocks have a due day, a small share of all cases once a hall has years of them.
    /// red_on, yellow_on and holder ride along so the level and "unassigned" tests need no table
    /// lookup (at a million cases those lookups are random reads across gigabytes); the holder
    /// indexes let the tab counts (mine, unassigned) be answered from the index alone.
    /// The dashboard's period figures read the period's range of submitted_at, decided_at,
    /// closed_at, rated_at or history time from covering indexes (flagged events — breaches,
    /// repeated requests — from partial ones); its backlog tables read one covering index.
    static let inboxIndexes = """
    CREATE INDEX cases_running_by_department ON cases(department, due_on, red_on, yellow_on, holder) WHERE due_on IS NOT NULL;
    CREATE INDEX cases_running_by_holder ON cases(holder, due_on, red_on, yellow_on) WHERE due_on IS NOT NULL;
    CREATE INDEX cases_running ON cases(due_on, red_on, yellow_on, holder) WHERE due_on IS NOT NULL;
    DROP INDEX cases_by_holder;
    CREATE INDEX cases_by_holder ON cases(holder, status, department) WHERE holder IS NOT NULL;
    CREATE INDEX cases_by_department_holder ON cases(department, status, holder, due_on);
    CREATE INDEX cases_by_submitted ON cases(submitted_at, department, first_response_at, status);
    CREATE INDEX cases_by_decided ON cases(decided_at, decided_on_time, department, status) WHERE decided_at IS NOT NULL;
    CREATE INDEX cases_by_closed ON cases(closed_at, status, window_visit, department) WHERE closed_at IS NOT NULL;
    CREATE INDEX cases_open_overview ON cases(status, department, service_code, channel, holder, submitted_at);
    CREATE INDEX ratings_by_time ON ratings(rated_at, rating, case_id, follow_up);
    CREATE INDEX history_by_action_time ON history(action, at, case_id, reason);
    CREATE INDEX cases_waiting_since ON cases(updated_at, department) WHERE status = 'awaiting_materials';
    CREATE INDEX cases_paused_since ON cases(paused_since, department) WHERE status = 'suspended';
    CREATE INDEX ratings_awaiting_follow_up ON ratings(case_id) WHERE rating = 'poor' AND follow_up IS NULL;
    CREATE INDEX history_acceptance_breaches ON history(at, action, case_id)
        WHERE json_extract(details, '$.acceptance_breached') = 1;
    CREATE INDEX history_repeated_requests ON history(at, action, case_id) WHERE json_extract(details, '$.repeat') = 1;
    """
}
