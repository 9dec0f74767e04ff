//! A journal the app cannot read is never touched: every command exits 3, names the place, and
//! leaves the file byte for byte (and inode and mtime) as it was.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, SystemTime};

use cramp_coach::journal::{JOURNAL_FILE, LOCK_FILE};

use crate::support::home::{Home, running_as_root};
use crate::{HEADER, SETUP, assert_exit, fingerprint, listing, stderr, stdout};

/// Puts `bytes` as the journal with an old mtime (so any write shows), runs `check` and
/// `habits`, and expects exit 3, one stderr line naming `path[:line:col]` and `needle`, and the
/// file exactly as it was.
///
/// Checked to fail (scratch copy): making `Store::update` start from an empty journal when the
/// file cannot be parsed (`self.load().unwrap_or_default()`) makes `check` exit 0 and overwrite
/// every one of these files.
fn assert_left_untouched(case: &str, bytes: &[u8], position: Option<(usize, usize)>, needle: &str) {
    let home = Home::new(SETUP);
    home.put_journal(bytes);
    let file = File::options().write(true).open(home.journal()).unwrap();
    file.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(978_307_200))
        .unwrap();
    drop(file);
    let before = fingerprint(&home.journal());
    let path = home.journal().display().to_string();
    for args in [
        &["check", "stretch", "--date", "2025-01-01"][..],
        &["check", "fluids", "--date", "2025-01-01", "--undo"],
        &["habits", "--date", "2025-01-01"],
        &["habits"],
    ] {
        let out = home.output(args);
        assert_exit(&out, 3);
        let err = stderr(&out);
        assert_eq!(
            err.lines().count(),
            1,
            "{case}: {args:?}: one line: {err:?}"
        );
        assert!(err.starts_with("cramp: "), "{case}: {args:?}: {err:?}");
        let want = match position {
            Some((line, col)) => format!("{path}:{line}:{col}: "),
            None => format!("{path}: "),
        };
        assert!(
            err.contains(&want),
            "{case}: {args:?}: {err:?} names {want:?}"
        );
        assert!(
            err.contains(needle),
            "{case}: {args:?}: {err:?} says {needle:?}"
        );
        assert!(
            stdout(&out).is_empty(),
            "{case}: {args:?}: {}",
            stdout(&out)
        );
        assert_eq!(
            fingerprint(&home.journal()),
            before,
            "{case}: {args:?} touched it"
        );
    }
    let left: BTreeSet<String> = [JOURNAL_FILE, LOCK_FILE].map(String::from).into();
    assert!(
        listing(&home.data()).is_subset(&left),
        "{case}: {:?}",
        listing(&home.data())
    );
}

#[test]
fn unreadable_journals_are_left_byte_for_byte_untouched() {
    assert_left_untouched(
        "garbage",
        b"Dear diary, my calves hurt.\nnight 2025-01-01 stretch\n",
        Some((1, 1)),
        "not a cramp-coach journal",
    );
    assert_left_untouched("zeros", &[0u8; 4096], Some((1, 1)), "control character");
    assert_left_untouched(
        "truncated header",
        b"cramp-coach jour",
        Some((1, 1)),
        "not a",
    );
    assert_left_untouched(
        "truncated mid-night",
        b"cramp-coach journal 1\nnight 2025-01-01 stretch\nnight 2025-01-0",
        Some((3, 7)),
        "not a date",
    );
    assert_left_untouched(
        "newer version",
        b"cramp-coach journal 99\nnight 2025-01-01 stretch\nmood 2025-01-01 calm\n",
        None,
        "newer",
    );
    assert_left_untouched(
        "invalid UTF-8",
        b"cramp-coach journal 1\nnight 2025-01-01 stretch\nnight 2025-01-02 str\xe9tch\n",
        Some((3, 21)),
        "UTF-8",
    );
    assert_left_untouched(
        "one bad line in the middle",
        b"cramp-coach journal 1\nnight 2025-01-01 stretch\nnight 2025-01-02 fluids=abc\nnight 2025-01-03 bedding\n",
        Some((3, 25)),
        "must be 1 to 999",
    );
}

#[test]
fn a_journal_without_read_permission_is_left_untouched() {
    // Root reads a mode-000 file anyway, so there is nothing to test as root (CI containers).
    if running_as_root() {
        eprintln!("skipped: running as root, where chmod 000 does not block reading");
        return;
    }
    let home = Home::new(SETUP);
    home.put_journal(format!("{HEADER}night 2025-01-01 stretch\n").as_bytes());
    fs::set_permissions(home.journal(), fs::Permissions::from_mode(0o000)).unwrap();
    let before = fingerprint(&home.journal());
    for args in [
        &["check", "stretch", "--date", "2025-01-02"][..],
        &["habits", "--date", "2025-01-01"],
    ] {
        let out = home.output(args);
        assert_exit(&out, 3);
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err:?}");
        assert!(
            err.contains(&format!("{}: cannot read", home.journal().display())),
            "{err}"
        );
        assert_eq!(fingerprint(&home.journal()), before);
    }
}
