
use builtin;
use str;

set edit:completion:arg-completer[cramp] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'cramp'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'cramp'= {
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand run 'Run a routine: the TUI, or plain lines with --plain'
            cand list 'List the routines: id, kind, length (m:ss), title'
            cand validate 'Check a content or config file (default: the content in use) and report every error as FILE:LINE:COL'
            cand habits 'Tonight''s habits (or night D''s) and their streaks: `[x] id  title`, `[ ]`, counted `[3/6]`'
            cand check 'Tick a habit for tonight (or night D); a counted habit gains one'
            cand log 'The cramp diary, newest first; `log add` and `log remove` change it'
            cand insights 'Cramp nights per week, the cramp-free run, habits kept, and cramp nights after habits kept or not'
            cand export 'Episodes and nightly habits for a clinician: CSV (RFC 4180) or a one-page Markdown summary'
            cand skip 'Skip a night that should not count (sick, away): no streak breaks, insights leave it out'
            cand note 'A note on tonight (or night D), for you and your clinician: `cramp log` and the exports show it'
            cand merge 'Fold other copies of the journal (from another machine, a sync conflict) into this one'
            cand status 'One short line for a prompt or status bar: tonight''s stretch, habits kept, cramps this week'
            cand init 'Write your own commented content.toml and config.toml (every default) to the config folder'
            cand defaults 'Print a built-in file: the content (routines, habits, guidance) or the config'
            cand paths 'Where the content, config and journal are, where each choice came from, and whether it exists'
            cand completions 'A shell''s completion script, to standard output (routine and habit ids complete in bash, zsh, fish)'
            cand man 'The manual page (roff), to standard output'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cramp;run'= {
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand --plain 'Line-by-line guidance without the TUI (screen readers, pipes, speech)'
            cand --quiet 'With --plain: no terminal bell (the TUI''s bell is set in config.toml)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;list'= {
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;validate'= {
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;habits'= {
            cand --date 'The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight'
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;check'= {
            cand --date 'The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight'
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand --undo 'Untick instead (a counted habit loses one)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;log'= {
            cand --since 'Only cramps on nights from this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31)'
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a cramp to the diary'
            cand remove 'Remove a cramp from the diary by its id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cramp;log;add'= {
            cand --muscle 'Which muscle cramped'
            cand --side 'Which leg'
            cand --intensity 'How bad, 1 (mild) to 5 (worst)'
            cand --minutes 'How long it lasted, in whole minutes (0 to 1440)'
            cand --at 'When it began, local time (default: now), from 1900-01-01 00:00 on'
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand --symptoms 'It came with weakness, numbness, swelling or a skin change'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;log;remove'= {
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;log;help'= {
            cand add 'Add a cramp to the diary'
            cand remove 'Remove a cramp from the diary by its id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cramp;log;help;add'= {
        }
        &'cramp;log;help;remove'= {
        }
        &'cramp;log;help;help'= {
        }
        &'cramp;insights'= {
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;export'= {
            cand --format 'csv: every episode and night, one table; markdown: a one-page summary'
            cand --since 'Only nights from this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31)'
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;skip'= {
            cand --date 'The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight'
            cand --reason 'Why (kept with the night, shown in the exports)'
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand --undo 'Count the night again'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;note'= {
            cand --date 'The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight'
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand --clear 'Take the night''s note away'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;merge'= {
            cand --driver 'git''s merge driver: BASE OURS THEIRS (%O %A %B); OURS gets the merge'
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand --dry-run 'Say what would change; write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;status'= {
            cand --format 'The line''s shape, with placeholders (see below)'
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand --due 'Reminder mode: exit 0 and print the reminder when a reminder habit is still open tonight and it is past remind_after; exit 1 otherwise'
            cand --color 'Colour the marks (for prompts that pass colour through); plain text without it'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;init'= {
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand --force 'Replace files that are already there, keeping each old one as FILE.bak'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;defaults'= {
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cramp;paths'= {
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;completions'= {
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;man'= {
            cand --content 'Content file (routines, habits, guidance) instead of the built-in one'
            cand --config 'Config file laid over the defaults'
            cand --data-dir 'Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cramp;help'= {
            cand run 'Run a routine: the TUI, or plain lines with --plain'
            cand list 'List the routines: id, kind, length (m:ss), title'
            cand validate 'Check a content or config file (default: the content in use) and report every error as FILE:LINE:COL'
            cand habits 'Tonight''s habits (or night D''s) and their streaks: `[x] id  title`, `[ ]`, counted `[3/6]`'
            cand check 'Tick a habit for tonight (or night D); a counted habit gains one'
            cand log 'The cramp diary, newest first; `log add` and `log remove` change it'
            cand insights 'Cramp nights per week, the cramp-free run, habits kept, and cramp nights after habits kept or not'
            cand export 'Episodes and nightly habits for a clinician: CSV (RFC 4180) or a one-page Markdown summary'
            cand skip 'Skip a night that should not count (sick, away): no streak breaks, insights leave it out'
            cand note 'A note on tonight (or night D), for you and your clinician: `cramp log` and the exports show it'
            cand merge 'Fold other copies of the journal (from another machine, a sync conflict) into this one'
            cand status 'One short line for a prompt or status bar: tonight''s stretch, habits kept, cramps this week'
            cand init 'Write your own commented content.toml and config.toml (every default) to the config folder'
            cand defaults 'Print a built-in file: the content (routines, habits, guidance) or the config'
            cand paths 'Where the content, config and journal are, where each choice came from, and whether it exists'
            cand completions 'A shell''s completion script, to standard output (routine and habit ids complete in bash, zsh, fish)'
            cand man 'The manual page (roff), to standard output'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cramp;help;run'= {
        }
        &'cramp;help;list'= {
        }
        &'cramp;help;validate'= {
        }
        &'cramp;help;habits'= {
        }
        &'cramp;help;check'= {
        }
        &'cramp;help;log'= {
            cand add 'Add a cramp to the diary'
            cand remove 'Remove a cramp from the diary by its id'
        }
        &'cramp;help;log;add'= {
        }
        &'cramp;help;log;remove'= {
        }
        &'cramp;help;insights'= {
        }
        &'cramp;help;export'= {
        }
        &'cramp;help;skip'= {
        }
        &'cramp;help;note'= {
        }
        &'cramp;help;merge'= {
        }
        &'cramp;help;status'= {
        }
        &'cramp;help;init'= {
        }
        &'cramp;help;defaults'= {
        }
        &'cramp;help;paths'= {
        }
        &'cramp;help;completions'= {
        }
        &'cramp;help;man'= {
        }
        &'cramp;help;help'= {
        }
    ]
    $completions[$command]
}
