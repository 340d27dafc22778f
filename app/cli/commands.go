package cli

// Commands returns every command of revopsdx. Register a new command by
// adding one line here; its code lives in a file of its own.
func Commands() []*Command {
	return []*Command{
		helpCommand(),
		versionCommand(),
		questionsCommand(),
		scoreCommand(),
		answerCommand(),
		formCommand(),
		importAnswersCommand(),
		responsesCommand(),
		demoCommand(),
		kpisCommand(),
		qualityCommand(),
		recommendCommand(),
		actionCommand(),
		actionsCommand(),
		commentCommand(),
		diagnoseCommand(),
		planCommand(),
		targetCommand(),
		chartCommand(),
		reportCommand(),
		exportDataCommand(),
		exportPlanCommand(),
		importPlanCommand(),
		orgsCommand(),
		orgCommand(),
		backupCommand(),
		restoreCommand(),
		exportCommand(),
		importEngagementCommand(),
		importCommand(),
		snapshotsCommand(),
		pipelineDiffCommand(),
		workBackCommand(),
		funnelCommand(),
		forecastAccuracyCommand(),
	}
}
