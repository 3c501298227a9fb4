// Events recorded in [$from, $to) by source agency: the data sources named in the header.
MATCH (e:Event)
WHERE e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to) AND VISIBLE_NODE(e) AND IN_BOROUGH(e)
RETURN e.source AS source, count(*) AS events ORDER BY events DESC, source
