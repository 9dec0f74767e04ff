
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'cramp' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'cramp'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'cramp' {
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a routine: the TUI, or plain lines with --plain')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the routines: id, kind, length (m:ss), title')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check a content or config file (default: the content in use) and report every error as FILE:LINE:COL')
            [CompletionResult]::new('habits', 'habits', [CompletionResultType]::ParameterValue, 'Tonight''s habits (or night D''s) and their streaks: `[x] id  title`, `[ ]`, counted `[3/6]`')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Tick a habit for tonight (or night D); a counted habit gains one')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'The cramp diary, newest first; `log add` and `log remove` change it')
            [CompletionResult]::new('insights', 'insights', [CompletionResultType]::ParameterValue, 'Cramp nights per week, the cramp-free run, habits kept, and cramp nights after habits kept or not')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Episodes and nightly habits for a clinician: CSV (RFC 4180) or a one-page Markdown summary')
            [CompletionResult]::new('skip', 'skip', [CompletionResultType]::ParameterValue, 'Skip a night that should not count (sick, away): no streak breaks, insights leave it out')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'A note on tonight (or night D), for you and your clinician: `cramp log` and the exports show it')
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Fold other copies of the journal (from another machine, a sync conflict) into this one')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'One short line for a prompt or status bar: tonight''s stretch, habits kept, cramps this week')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write your own commented content.toml and config.toml (every default) to the config folder')
            [CompletionResult]::new('defaults', 'defaults', [CompletionResultType]::ParameterValue, 'Print a built-in file: the content (routines, habits, guidance) or the config')
            [CompletionResult]::new('paths', 'paths', [CompletionResultType]::ParameterValue, 'Where the content, config and journal are, where each choice came from, and whether it exists')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'A shell''s completion script, to standard output (routine and habit ids complete in bash, zsh, fish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'The manual page (roff), to standard output')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cramp;run' {
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('--plain', '--plain', [CompletionResultType]::ParameterName, 'Line-by-line guidance without the TUI (screen readers, pipes, speech)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'With --plain: no terminal bell (the TUI''s bell is set in config.toml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;list' {
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;validate' {
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;habits' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight')
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;check' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight')
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('--undo', '--undo', [CompletionResultType]::ParameterName, 'Untick instead (a counted habit loses one)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;log' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only cramps on nights from this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31)')
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a cramp to the diary')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a cramp from the diary by its id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cramp;log;add' {
            [CompletionResult]::new('--muscle', '--muscle', [CompletionResultType]::ParameterName, 'Which muscle cramped')
            [CompletionResult]::new('--side', '--side', [CompletionResultType]::ParameterName, 'Which leg')
            [CompletionResult]::new('--intensity', '--intensity', [CompletionResultType]::ParameterName, 'How bad, 1 (mild) to 5 (worst)')
            [CompletionResult]::new('--minutes', '--minutes', [CompletionResultType]::ParameterName, 'How long it lasted, in whole minutes (0 to 1440)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it began, local time (default: now), from 1900-01-01 00:00 on')
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('--symptoms', '--symptoms', [CompletionResultType]::ParameterName, 'It came with weakness, numbness, swelling or a skin change')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;log;remove' {
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;log;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a cramp to the diary')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a cramp from the diary by its id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cramp;log;help;add' {
            break
        }
        'cramp;log;help;remove' {
            break
        }
        'cramp;log;help;help' {
            break
        }
        'cramp;insights' {
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'csv: every episode and night, one table; markdown: a one-page summary')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only nights from this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31)')
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;skip' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (kept with the night, shown in the exports)')
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('--undo', '--undo', [CompletionResultType]::ParameterName, 'Count the night again')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;note' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight')
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('--clear', '--clear', [CompletionResultType]::ParameterName, 'Take the night''s note away')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;merge' {
            [CompletionResult]::new('--driver', '--driver', [CompletionResultType]::ParameterName, 'git''s merge driver: BASE OURS THEIRS (%O %A %B); OURS gets the merge')
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would change; write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;status' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The line''s shape, with placeholders (see below)')
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'Reminder mode: exit 0 and print the reminder when a reminder habit is still open tonight and it is past remind_after; exit 1 otherwise')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the marks (for prompts that pass colour through); plain text without it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;init' {
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace files that are already there, keeping each old one as FILE.bak')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;defaults' {
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cramp;paths' {
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;completions' {
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;man' {
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'Content file (routines, habits, guidance) instead of the built-in one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file laid over the defaults')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cramp;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a routine: the TUI, or plain lines with --plain')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the routines: id, kind, length (m:ss), title')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check a content or config file (default: the content in use) and report every error as FILE:LINE:COL')
            [CompletionResult]::new('habits', 'habits', [CompletionResultType]::ParameterValue, 'Tonight''s habits (or night D''s) and their streaks: `[x] id  title`, `[ ]`, counted `[3/6]`')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Tick a habit for tonight (or night D); a counted habit gains one')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'The cramp diary, newest first; `log add` and `log remove` change it')
            [CompletionResult]::new('insights', 'insights', [CompletionResultType]::ParameterValue, 'Cramp nights per week, the cramp-free run, habits kept, and cramp nights after habits kept or not')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Episodes and nightly habits for a clinician: CSV (RFC 4180) or a one-page Markdown summary')
            [CompletionResult]::new('skip', 'skip', [CompletionResultType]::ParameterValue, 'Skip a night that should not count (sick, away): no streak breaks, insights leave it out')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'A note on tonight (or night D), for you and your clinician: `cramp log` and the exports show it')
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Fold other copies of the journal (from another machine, a sync conflict) into this one')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'One short line for a prompt or status bar: tonight''s stretch, habits kept, cramps this week')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write your own commented content.toml and config.toml (every default) to the config folder')
            [CompletionResult]::new('defaults', 'defaults', [CompletionResultType]::ParameterValue, 'Print a built-in file: the content (routines, habits, guidance) or the config')
            [CompletionResult]::new('paths', 'paths', [CompletionResultType]::ParameterValue, 'Where the content, config and journal are, where each choice came from, and whether it exists')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'A shell''s completion script, to standard output (routine and habit ids complete in bash, zsh, fish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'The manual page (roff), to standard output')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cramp;help;run' {
            break
        }
        'cramp;help;list' {
            break
        }
        'cramp;help;validate' {
            break
        }
        'cramp;help;habits' {
            break
        }
        'cramp;help;check' {
            break
        }
        'cramp;help;log' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a cramp to the diary')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a cramp from the diary by its id')
            break
        }
        'cramp;help;log;add' {
            break
        }
        'cramp;help;log;remove' {
            break
        }
        'cramp;help;insights' {
            break
        }
        'cramp;help;export' {
            break
        }
        'cramp;help;skip' {
            break
        }
        'cramp;help;note' {
            break
        }
        'cramp;help;merge' {
            break
        }
        'cramp;help;status' {
            break
        }
        'cramp;help;init' {
            break
        }
        'cramp;help;defaults' {
            break
        }
        'cramp;help;paths' {
            break
        }
        'cramp;help;completions' {
            break
        }
        'cramp;help;man' {
            break
        }
        'cramp;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
