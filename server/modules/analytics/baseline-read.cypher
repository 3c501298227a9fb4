MATCH (b:PopulationBaseline {id: 'borough'})
RETURN b.json AS json
