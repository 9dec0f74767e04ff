# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_cramp_global_optspecs
    string join \n content= config= data-dir= h/help V/version
end

function __fish_cramp_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_cramp_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_cramp_using_subcommand
    set -l cmd (__fish_cramp_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c cramp -n "__fish_cramp_needs_command" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_needs_command" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_needs_command" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_needs_command" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_needs_command" -s V -l version -d 'Print version'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "run" -d 'Run a routine: the TUI, or plain lines with --plain'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "list" -d 'List the routines: id, kind, length (m:ss), title'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "validate" -d 'Check a content or config file (default: the content in use) and report every error as FILE:LINE:COL'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "habits" -d 'Tonight\'s habits (or night D\'s) and their streaks: `[x] id  title`, `[ ]`, counted `[3/6]`'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "check" -d 'Tick a habit for tonight (or night D); a counted habit gains one'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "log" -d 'The cramp diary, newest first; `log add` and `log remove` change it'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "insights" -d 'Cramp nights per week, the cramp-free run, habits kept, and cramp nights after habits kept or not'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "export" -d 'Episodes and nightly habits for a clinician: CSV (RFC 4180) or a one-page Markdown summary'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "skip" -d 'Skip a night that should not count (sick, away): no streak breaks, insights leave it out'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "note" -d 'A note on tonight (or night D), for you and your clinician: `cramp log` and the exports show it'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "merge" -d 'Fold other copies of the journal (from another machine, a sync conflict) into this one'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "status" -d 'One short line for a prompt or status bar: tonight\'s stretch, habits kept, cramps this week'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "init" -d 'Write your own commented content.toml and config.toml (every default) to the config folder'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "defaults" -d 'Print a built-in file: the content (routines, habits, guidance) or the config'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "paths" -d 'Where the content, config and journal are, where each choice came from, and whether it exists'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "completions" -d 'A shell\'s completion script, to standard output (routine and habit ids complete in bash, zsh, fish)'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "man" -d 'The manual page (roff), to standard output'
complete -c cramp -n "__fish_cramp_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cramp -n "__fish_cramp_using_subcommand run" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand run" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand run" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand run" -l plain -d 'Line-by-line guidance without the TUI (screen readers, pipes, speech)'
complete -c cramp -n "__fish_cramp_using_subcommand run" -l quiet -d 'With --plain: no terminal bell (the TUI\'s bell is set in config.toml)'
complete -c cramp -n "__fish_cramp_using_subcommand run" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand list" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand list" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand list" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand list" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand validate" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand validate" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand validate" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand validate" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand habits" -l date -d 'The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight' -r
complete -c cramp -n "__fish_cramp_using_subcommand habits" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand habits" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand habits" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand habits" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand check" -l date -d 'The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight' -r
complete -c cramp -n "__fish_cramp_using_subcommand check" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand check" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand check" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand check" -l undo -d 'Untick instead (a counted habit loses one)'
complete -c cramp -n "__fish_cramp_using_subcommand check" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand log; and not __fish_seen_subcommand_from add remove help" -l since -d 'Only cramps on nights from this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31)' -r
complete -c cramp -n "__fish_cramp_using_subcommand log; and not __fish_seen_subcommand_from add remove help" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand log; and not __fish_seen_subcommand_from add remove help" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand log; and not __fish_seen_subcommand_from add remove help" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand log; and not __fish_seen_subcommand_from add remove help" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand log; and not __fish_seen_subcommand_from add remove help" -f -a "add" -d 'Add a cramp to the diary'
complete -c cramp -n "__fish_cramp_using_subcommand log; and not __fish_seen_subcommand_from add remove help" -f -a "remove" -d 'Remove a cramp from the diary by its id'
complete -c cramp -n "__fish_cramp_using_subcommand log; and not __fish_seen_subcommand_from add remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from add" -l muscle -d 'Which muscle cramped' -r -f -a "calf\t''
foot\t''
thigh\t''
other\t''"
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from add" -l side -d 'Which leg' -r -f -a "left\t''
right\t''
both\t''"
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from add" -l intensity -d 'How bad, 1 (mild) to 5 (worst)' -r
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from add" -l minutes -d 'How long it lasted, in whole minutes (0 to 1440)' -r
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from add" -l at -d 'When it began, local time (default: now), from 1900-01-01 00:00 on' -r
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from add" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from add" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from add" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from add" -l symptoms -d 'It came with weakness, numbness, swelling or a skin change'
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from remove" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from remove" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from remove" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a cramp to the diary'
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a cramp from the diary by its id'
complete -c cramp -n "__fish_cramp_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cramp -n "__fish_cramp_using_subcommand insights" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand insights" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand insights" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand insights" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand export" -l format -d 'csv: every episode and night, one table; markdown: a one-page summary' -r -f -a "csv\t''
markdown\t''"
complete -c cramp -n "__fish_cramp_using_subcommand export" -l since -d 'Only nights from this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31)' -r
complete -c cramp -n "__fish_cramp_using_subcommand export" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand export" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand export" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand export" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand skip" -l date -d 'The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight' -r
complete -c cramp -n "__fish_cramp_using_subcommand skip" -l reason -d 'Why (kept with the night, shown in the exports)' -r
complete -c cramp -n "__fish_cramp_using_subcommand skip" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand skip" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand skip" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand skip" -l undo -d 'Count the night again'
complete -c cramp -n "__fish_cramp_using_subcommand skip" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand note" -l date -d 'The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight' -r
complete -c cramp -n "__fish_cramp_using_subcommand note" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand note" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand note" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand note" -l clear -d 'Take the night\'s note away'
complete -c cramp -n "__fish_cramp_using_subcommand note" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand merge" -l driver -d 'git\'s merge driver: BASE OURS THEIRS (%O %A %B); OURS gets the merge' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand merge" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand merge" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand merge" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand merge" -l dry-run -d 'Say what would change; write nothing'
complete -c cramp -n "__fish_cramp_using_subcommand merge" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand status" -l format -d 'The line\'s shape, with placeholders (see below)' -r
complete -c cramp -n "__fish_cramp_using_subcommand status" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand status" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand status" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand status" -l due -d 'Reminder mode: exit 0 and print the reminder when a reminder habit is still open tonight and it is past remind_after; exit 1 otherwise'
complete -c cramp -n "__fish_cramp_using_subcommand status" -l color -d 'Colour the marks (for prompts that pass colour through); plain text without it'
complete -c cramp -n "__fish_cramp_using_subcommand status" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand init" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand init" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand init" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand init" -l force -d 'Replace files that are already there, keeping each old one as FILE.bak'
complete -c cramp -n "__fish_cramp_using_subcommand init" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand defaults" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand defaults" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand defaults" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand defaults" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cramp -n "__fish_cramp_using_subcommand paths" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand paths" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand paths" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand paths" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand completions" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand completions" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand completions" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand completions" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand man" -l content -d 'Content file (routines, habits, guidance) instead of the built-in one' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand man" -l config -d 'Config file laid over the defaults' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand man" -l data-dir -d 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach' -r -F
complete -c cramp -n "__fish_cramp_using_subcommand man" -s h -l help -d 'Print help'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "run" -d 'Run a routine: the TUI, or plain lines with --plain'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "list" -d 'List the routines: id, kind, length (m:ss), title'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "validate" -d 'Check a content or config file (default: the content in use) and report every error as FILE:LINE:COL'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "habits" -d 'Tonight\'s habits (or night D\'s) and their streaks: `[x] id  title`, `[ ]`, counted `[3/6]`'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "check" -d 'Tick a habit for tonight (or night D); a counted habit gains one'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "log" -d 'The cramp diary, newest first; `log add` and `log remove` change it'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "insights" -d 'Cramp nights per week, the cramp-free run, habits kept, and cramp nights after habits kept or not'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "export" -d 'Episodes and nightly habits for a clinician: CSV (RFC 4180) or a one-page Markdown summary'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "skip" -d 'Skip a night that should not count (sick, away): no streak breaks, insights leave it out'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "note" -d 'A note on tonight (or night D), for you and your clinician: `cramp log` and the exports show it'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "merge" -d 'Fold other copies of the journal (from another machine, a sync conflict) into this one'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "status" -d 'One short line for a prompt or status bar: tonight\'s stretch, habits kept, cramps this week'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "init" -d 'Write your own commented content.toml and config.toml (every default) to the config folder'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "defaults" -d 'Print a built-in file: the content (routines, habits, guidance) or the config'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "paths" -d 'Where the content, config and journal are, where each choice came from, and whether it exists'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "completions" -d 'A shell\'s completion script, to standard output (routine and habit ids complete in bash, zsh, fish)'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "man" -d 'The manual page (roff), to standard output'
complete -c cramp -n "__fish_cramp_using_subcommand help; and not __fish_seen_subcommand_from run list validate habits check log insights export skip note merge status init defaults paths completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cramp -n "__fish_cramp_using_subcommand help; and __fish_seen_subcommand_from log" -f -a "add" -d 'Add a cramp to the diary'
complete -c cramp -n "__fish_cramp_using_subcommand help; and __fish_seen_subcommand_from log" -f -a "remove" -d 'Remove a cramp from the diary by its id'
complete -c cramp -n "__fish_cramp_using_subcommand run" -f -a "(cramp __complete-ids routines 2>/dev/null)"
complete -c cramp -n "__fish_cramp_using_subcommand check" -f -a "(cramp __complete-ids habits 2>/dev/null)"
