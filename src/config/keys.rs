//! Keys as the model sees them, and the runner's bindable commands (`[keys]` in the config).

/// A key press, as the model sees it (the terminal edge translates).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Up,
    Down,
    Left,
    Right,
    Tab,
    BackTab,
    Backspace,
    PageUp,
    PageDown,
    Home,
    End,
    CtrlC,
}

impl Key {
    /// A key as written in the config: one character, or `space`, `enter`, `tab`, `backspace`,
    /// `up`, `down`, `left`, `right`. Esc, q and Ctrl-C stay fixed, so a config can never take away
    /// the way out.
    pub fn parse(name: &str) -> Option<Key> {
        let key = match name {
            "space" => Key::Char(' '),
            "enter" => Key::Enter,
            "tab" => Key::Tab,
            "backspace" => Key::Backspace,
            "up" => Key::Up,
            "down" => Key::Down,
            "left" => Key::Left,
            "right" => Key::Right,
            _ => {
                // Any one character a keyboard can type (é, ß, ü…), but no control or blank.
                let mut chars = name.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_whitespace() && !crate::text::is_unsafe_char(c) => {
                        Key::Char(c)
                    }
                    _ => return None,
                }
            }
        };
        (!Key::FIXED.contains(&key)).then_some(key)
    }

    /// Keys no binding may take: back, quit, help, when to get help.
    pub const FIXED: [Key; 5] = [
        Key::Esc,
        Key::CtrlC,
        Key::Char('q'),
        Key::Char('?'),
        Key::Char('!'),
    ];
}

/// What a key does in the runner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RunnerCommand {
    Pause,
    LetGo,
    Next,
    Previous,
    AddTime,
    Restart,
}

impl RunnerCommand {
    pub const ALL: [RunnerCommand; 6] = [
        RunnerCommand::Pause,
        RunnerCommand::LetGo,
        RunnerCommand::Next,
        RunnerCommand::Previous,
        RunnerCommand::AddTime,
        RunnerCommand::Restart,
    ];

    /// The name in `[keys]`.
    pub fn name(self) -> &'static str {
        match self {
            RunnerCommand::Pause => "pause",
            RunnerCommand::LetGo => "let_go",
            RunnerCommand::Next => "next",
            RunnerCommand::Previous => "previous",
            RunnerCommand::AddTime => "add_time",
            RunnerCommand::Restart => "restart",
        }
    }

    pub fn parse(name: &str) -> Option<RunnerCommand> {
        RunnerCommand::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The runner's key bindings: each command with its keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMap {
    bindings: Vec<(RunnerCommand, Vec<Key>)>,
}

impl Default for KeyMap {
    fn default() -> Self {
        use RunnerCommand::*;
        KeyMap {
            bindings: vec![
                (Pause, vec![Key::Char(' ')]),
                (LetGo, vec![Key::Enter]),
                (Next, vec![Key::Char('n'), Key::Right]),
                (Previous, vec![Key::Char('p'), Key::Left]),
                (AddTime, vec![Key::Char('+'), Key::Char('=')]),
                (Restart, vec![Key::Char('r')]),
            ],
        }
    }
}

impl KeyMap {
    pub fn command(&self, key: Key) -> Option<RunnerCommand> {
        self.bindings
            .iter()
            .find(|(_, keys)| keys.contains(&key))
            .map(|(c, _)| *c)
    }

    pub fn keys(&self, command: RunnerCommand) -> &[Key] {
        self.bindings
            .iter()
            .find(|(c, _)| *c == command)
            .map_or(&[], |(_, k)| k.as_slice())
    }

    /// Replaces one command's keys.
    pub fn bind(&mut self, command: RunnerCommand, keys: Vec<Key>) {
        if let Some(b) = self.bindings.iter_mut().find(|(c, _)| *c == command) {
            b.1 = keys;
        }
    }

    /// The first key bound to two commands, if any.
    pub fn conflict(&self) -> Option<(Key, RunnerCommand, RunnerCommand)> {
        for (i, (a, keys)) in self.bindings.iter().enumerate() {
            for (b, other) in &self.bindings[i + 1..] {
                if let Some(k) = keys.iter().find(|k| other.contains(k)) {
                    return Some((*k, *a, *b));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_the_way_out_is_fixed() {
        assert_eq!(Key::parse("space"), Some(Key::Char(' ')));
        assert_eq!(Key::parse("j"), Some(Key::Char('j')));
        assert_eq!(Key::parse("right"), Some(Key::Right));
        assert_eq!(Key::parse("q"), None);
        assert_eq!(Key::parse("esc"), None);
        assert_eq!(Key::parse("ab"), None);
        assert_eq!(Key::parse("\u{1b}"), None);
        assert_eq!(Key::parse("é"), Some(Key::Char('é')));
        assert_eq!(Key::parse("\u{202e}"), None);
        assert_eq!(Key::parse("\u{a0}"), None);
    }

    #[test]
    fn defaults_have_no_conflicts() {
        let map = KeyMap::default();
        assert_eq!(map.conflict(), None);
        assert_eq!(map.command(Key::Right), Some(RunnerCommand::Next));
        let mut map = map;
        map.bind(RunnerCommand::Pause, vec![Key::Char('n')]);
        assert!(map.conflict().is_some());
    }
}
