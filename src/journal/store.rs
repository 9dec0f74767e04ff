//! The journal on disk: the only code that writes it. Every change is read, made and written
//! under an exclusive lock, through a fresh temporary file that is flushed and renamed over the
//! journal; only regular files are opened, no link is followed, and a folder the app did not create
//! is never changed.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Write};
#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{JOURNAL_FILE, Journal, JournalError, LOCK_FILE, MAX_JOURNAL_BYTES, show};

/// What identifies one version of the journal file on disk: inode, length, modification time.
pub type Stamp = (u64, u64, i64, i64);

/// The version 1 journal, kept once beside it when it is first written as version 2.
pub const V1_BACKUP: &str = "journal.v1.bak";
/// Where conflict copies go once merged.
pub const MERGED_FOLDER: &str = "merged";

/// A name a sync tool gives a losing copy of `journal.txt`: Syncthing's
/// `journal.sync-conflict-20261201-031500-ABCDEFG.txt`, Dropbox's and Nextcloud's
/// `journal (… conflicted copy …).txt`, Resilio's `journal.Conflict.txt`.
pub fn is_conflict_copy(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower != JOURNAL_FILE
        && lower.starts_with("journal")
        && lower.ends_with(".txt")
        && (lower.contains("sync-conflict")
            || lower.contains("conflicted copy")
            || lower.starts_with("journal.conflict"))
}

/// How long a change waits for another cramp's lock before it says so, and before it gives up.
pub const LOCK_NOTICE: Duration = Duration::from_secs(1);
pub const LOCK_GIVE_UP: Duration = Duration::from_secs(10);
const LOCK_POLL: Duration = Duration::from_millis(50);

/// The journal's folder and the way every change reaches the disk.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(JOURNAL_FILE)
    }

    /// Reads the journal; a missing file is an empty journal.
    pub fn load(&self) -> Result<Journal, JournalError> {
        self.load_with(Journal::parse_owned)
    }

    /// The journal's nights (ticks, skips, notes) without its diary, for a reader that needs
    /// nothing else ([`Journal::parse_nights`]); a missing file is an empty journal.
    pub fn load_nights(&self) -> Result<Journal, JournalError> {
        self.load_with(Journal::parse_nights)
    }

    /// The nights from `since` on ([`Journal::parse_recent`]); a missing file is an empty journal.
    pub fn load_recent(&self, since: jiff::civil::Date) -> Result<Journal, JournalError> {
        self.load_with(|path, text| Journal::parse_recent(path, text, since))
    }

    /// The journal's text read as every reader reads it, then parsed by `parse`.
    fn load_with(
        &self,
        parse: impl FnOnce(&Path, String) -> Result<Journal, JournalError>,
    ) -> Result<Journal, JournalError> {
        let path = self.path();
        match read_limited(&path)? {
            Some(text) => parse(&path, text),
            None => Ok(Journal::default()),
        }
    }

    /// The journal's text as it is on disk, not parsed (`None`: there is no journal).
    pub fn read_text(&self) -> Result<Option<String>, JournalError> {
        read_limited(&self.path())
    }

    /// The journal opened for reading as [`Store::load`] opens it (a regular file, no link
    /// followed, never waiting on a FIFO), for a reader that needs only part of it (`cramp
    /// status` reads its end); `None`: there is no journal. Creates nothing.
    pub fn open_to_read(&self) -> Result<Option<File>, JournalError> {
        open_to_read(&self.path())
    }

    /// A fingerprint of the file as it is on disk, to notice changes made by someone else.
    pub fn stamp(&self) -> Option<Stamp> {
        let m = fs::symlink_metadata(self.path()).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some((m.ino(), m.len(), m.mtime(), m.mtime_nsec()))
        }
        // Elsewhere no inode number: the length and the modification time.
        #[cfg(not(unix))]
        {
            let t = m
                .modified()
                .ok()?
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?;
            let secs = i64::try_from(t.as_secs()).ok()?;
            Some((0, m.len(), secs, i64::from(t.subsec_nanos())))
        }
    }

    /// Why the folder would be refused for writing, if it exists and is not private: for read-only
    /// commands to warn about once.
    pub fn folder_warning(&self) -> Option<String> {
        let m = fs::metadata(&self.dir).ok().filter(fs::Metadata::is_dir)?;
        match check_folder(&self.dir, &m) {
            Err(JournalError::UnsafeFolder { path, reason }) => Some(format!(
                "{}: {reason}; the journal is read but will not be written there",
                show(&path)
            )),
            _ => None,
        }
    }

    /// Reads, changes and writes the journal under the lock. Returns the journal as written.
    /// Nothing is written if the journal cannot be read or parsed, or if `change` leaves it as it was.
    pub fn update<R>(
        &self,
        change: impl Fn(&mut Journal) -> R,
    ) -> Result<(Journal, R), JournalError> {
        self.update_waiting(|| {}, change)
    }

    /// [`Store::update`], calling `waiting` once if another cramp has held the lock for
    /// [`LOCK_NOTICE`]; after [`LOCK_GIVE_UP`] it gives up with [`JournalError::Busy`].
    pub fn update_waiting<R>(
        &self,
        waiting: impl FnOnce(),
        change: impl Fn(&mut Journal) -> R,
    ) -> Result<(Journal, R), JournalError> {
        // A change that does nothing to an empty journal (undo, removing what is not there) creates
        // nothing when there is no journal yet: not the folder, not the lock, not the file.
        if matches!(fs::symlink_metadata(self.path()), Err(e) if e.kind() == io::ErrorKind::NotFound)
        {
            let mut probe = Journal::default();
            let result = change(&mut probe);
            if probe.is_empty() {
                return Ok((probe, result));
            }
        }
        self.prepare_dir()?;
        let lock = self.lock(waiting)?;
        let before = self.load()?;
        // Copies a sync tool left beside the journal are folded in first (and put away below).
        let (mut journal, copies, mut notices) = self.fold_copies(&before);
        let result = change(&mut journal);
        if journal != before {
            self.remove_leftovers();
            let backup = if before.version() == 1 {
                self.keep_version_1()
            } else {
                None
            };
            if let Err(e) = self.write(&journal.to_text()) {
                // Not upgraded after all: the backup made for it goes too.
                if let Some(b) = backup {
                    let _ = fs::remove_file(b);
                }
                return Err(e);
            }
        }
        for copy in copies {
            notices.push(self.put_away(&copy));
        }
        drop(lock);
        journal.notices = notices;
        Ok((journal, result))
    }

    /// Folds in any conflict copies of the journal (say, Syncthing's
    /// `journal.sync-conflict-….txt`) now, under the lock, and puts them away in `merged/`;
    /// nothing is written when there are none. What was done is in the journal's notices.
    pub fn fold_conflict_copies(&self) -> Result<Journal, JournalError> {
        if self.conflict_copies().is_empty() {
            return self.load();
        }
        match self.update(|_| ()) {
            Ok((journal, ())) => Ok(journal),
            // Not written (a folder others can change, a held lock): read as it is, and say why.
            Err(e) if !e.is_unreadable() => {
                let mut journal = self.load()?;
                journal.notices.push(format!(
                    "{e}; the conflict copies beside it were not merged"
                ));
                Ok(journal)
            }
            Err(e) => Err(e),
        }
    }

    /// The conflict copies beside the journal: regular files of this user's whose names a sync
    /// tool gives a losing copy of `journal.txt` ([`is_conflict_copy`]), in name order.
    pub fn conflict_copies(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .filter(|e| e.file_name().to_str().is_some_and(is_conflict_copy))
            .filter(|e| {
                fs::symlink_metadata(e.path()).is_ok_and(|m| m.file_type().is_file() && mine(&m))
            })
            .map(|e| e.path())
            .collect();
        found.sort();
        found
    }

    /// Names a sync tool gives conflict copies that are not taken: links, special files, other
    /// users' files. Said, so that a copy is never passed over without a word.
    fn passed_over_copies(&self) -> Vec<String> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut said: Vec<String> = entries
            .flatten()
            .filter(|e| e.file_name().to_str().is_some_and(is_conflict_copy))
            .filter_map(|e| {
                let m = fs::symlink_metadata(e.path()).ok()?;
                let why = if !m.file_type().is_file() {
                    kind_of(&m.file_type())
                } else if !mine(&m) {
                    "another user's file"
                } else {
                    return None;
                };
                Some(format!(
                    "{}: {why}, not merged (a conflict copy is merged only as a file of yours)",
                    show(&e.path())
                ))
            })
            .collect();
        said.sort();
        said
    }

    /// The journal with the conflict copies beside it folded in, in memory only: nothing is
    /// written, moved or locked (`cramp merge --dry-run`).
    pub fn load_with_conflict_copies(&self) -> Result<Journal, JournalError> {
        let before = self.load()?;
        let (mut journal, _, notices) = self.fold_copies(&before);
        journal.notices = notices;
        Ok(journal)
    }

    /// `before` with every readable conflict copy merged in; the copies merged, and a notice for
    /// each that could not be read (left where it is).
    fn fold_copies(&self, before: &Journal) -> (Journal, Vec<PathBuf>, Vec<String>) {
        let mut journal = before.clone();
        let mut merged = Vec::new();
        let mut notices = self.passed_over_copies();
        for copy in self.conflict_copies() {
            let read = read_limited(&copy).and_then(|text| match text {
                Some(text) => Journal::parse_owned(&copy, text),
                None => Ok(Journal::default()),
            });
            match read {
                Ok(other) => {
                    journal = super::merge::merge(&journal, &other);
                    merged.push(copy);
                }
                Err(e) => notices.push(format!(
                    "{e}; this copy was not merged and is left as it is"
                )),
            }
        }
        journal.version = before.version();
        (journal, merged, notices)
    }

    /// Moves a merged conflict copy into `merged/` beside the journal (never deleting it, never
    /// replacing a file there); says what was done.
    fn put_away(&self, copy: &Path) -> String {
        let folder = self.dir.join(MERGED_FOLDER);
        let name = copy
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        #[cfg(unix)]
        let _ = fs::DirBuilder::new().mode(0o700).create(&folder);
        #[cfg(not(unix))]
        let _ = fs::DirBuilder::new().create(&folder);
        // Only into a real folder of this user's that nobody else can change: a link there (a
        // sync tool syncs links) or someone else's folder does not get the copy.
        match fs::symlink_metadata(&folder) {
            Ok(m) if !m.file_type().is_symlink() && folder_problem(&m).is_none() => {}
            Ok(m) => {
                let why = if m.file_type().is_symlink() {
                    kind_of(&m.file_type()).to_string()
                } else {
                    folder_problem(&m)
                        .map(|p| p.to_string())
                        .unwrap_or_default()
                };
                return format!(
                    "merged {} into the journal; it stays where it is ({}: {why})",
                    show(copy),
                    show(&folder)
                );
            }
            Err(e) => {
                return format!(
                    "merged {} into the journal; it stays where it is ({}: {e})",
                    show(copy),
                    show(&folder)
                );
            }
        }
        for n in 1..1000 {
            let target = if n == 1 {
                folder.join(&name)
            } else {
                folder.join(format!("{name}.{n}"))
            };
            if fs::symlink_metadata(&target).is_ok() {
                continue;
            }
            // A hard link then an unlink: the copy is never replaced and never lost.
            return match fs::hard_link(copy, &target).and_then(|()| fs::remove_file(copy)) {
                Ok(()) => format!(
                    "merged {} into the journal (the copy is now in {}/)",
                    show(Path::new(&name)),
                    MERGED_FOLDER
                ),
                Err(e) => format!(
                    "merged {} into the journal; could not move it to {}/: {e}",
                    show(copy),
                    MERGED_FOLDER
                ),
            };
        }
        format!(
            "merged {} into the journal; it stays where it is",
            show(copy)
        )
    }

    /// The version 1 file, kept once beside the journal before its first version 2 write; the
    /// backup made now, if one was (a failed one is removed).
    fn keep_version_1(&self) -> Option<PathBuf> {
        let backup = self.dir.join(V1_BACKUP);
        if fs::symlink_metadata(&backup).is_ok() {
            return None;
        }
        let Ok(Some(text)) = read_limited(&self.path()) else {
            return None;
        };
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        options.mode(0o600);
        let mut f = options.open(&backup).ok()?;
        match f.write_all(text.as_bytes()).and_then(|()| f.sync_all()) {
            Ok(()) => Some(backup),
            Err(_) => {
                let _ = fs::remove_file(&backup);
                None
            }
        }
    }

    /// The lock file, opened without following a link, and locked: waits for another cramp, says
    /// so once, and gives up after [`LOCK_GIVE_UP`].
    fn lock(&self, waiting: impl FnOnce()) -> Result<File, JournalError> {
        let path = self.dir.join(LOCK_FILE);
        let err = |source| JournalError::Lock {
            path: path.clone(),
            source,
        };
        let lock = open_regular(
            &path,
            OpenOptions::new().create(true).truncate(false).write(true),
        )
        .map_err(|e| match e {
            Opened::Io(source) => err(source),
            Opened::NotAFile(what) => JournalError::NotAFile {
                path: path.clone(),
                what,
            },
        })?;
        let started = Instant::now();
        let mut waiting = Some(waiting);
        loop {
            match lock.try_lock() {
                Ok(()) => return Ok(lock),
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(source)) => return Err(err(source)),
            }
            let waited = started.elapsed();
            if waited >= LOCK_GIVE_UP {
                return Err(JournalError::Busy {
                    path,
                    seconds: LOCK_GIVE_UP.as_secs(),
                });
            }
            if waited >= LOCK_NOTICE
                && let Some(w) = waiting.take()
            {
                w();
            }
            std::thread::sleep(LOCK_POLL);
        }
    }

    /// The folder exists: created private (0700) if the app makes it; used as it is if it was
    /// there, unless others could change what is in it (then nothing is written).
    fn prepare_dir(&self) -> Result<(), JournalError> {
        let err = |source| JournalError::Write {
            path: self.dir.clone(),
            source,
        };
        if let Some(parent) = self.dir.parent()
            && !parent.as_os_str().is_empty()
        {
            fs::create_dir_all(parent).map_err(err)?;
        }
        #[cfg(unix)]
        let made = fs::DirBuilder::new().mode(0o700).create(&self.dir);
        #[cfg(not(unix))]
        let made = fs::DirBuilder::new().create(&self.dir);
        match made {
            // Made here: private whatever the umask (the umask can only take bits away).
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(err(e)),
        }
        let meta = fs::metadata(&self.dir).map_err(err)?;
        check_folder(&self.dir, &meta)
    }

    /// Removes temporary files left by a cramp killed while writing (called under the lock, so
    /// no other cramp is writing one now). Only plain files of this user's are removed.
    fn remove_leftovers(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
                continue;
            }
            if let Ok(m) = fs::symlink_metadata(entry.path())
                && m.file_type().is_file()
                && mine(&m)
            {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Atomic, durable replacement of the journal file: a fresh temporary file (unpredictable
    /// name, created exclusively, 0600), flushed, renamed over the journal, the folder flushed.
    /// On any error the temporary file is removed and the journal is as it was.
    fn write(&self, text: &str) -> Result<(), JournalError> {
        let path = self.path();
        let err = |source| JournalError::Write {
            path: path.clone(),
            source,
        };
        // A link, a folder or a FIFO where the journal should be is not replaced.
        match fs::symlink_metadata(&path) {
            Ok(m) if !m.file_type().is_file() => {
                return Err(JournalError::NotAFile {
                    path: path.clone(),
                    what: kind_of(&m.file_type()),
                });
            }
            _ => {}
        }
        write_file_atomically(&path, text, TEMP_PREFIX, true).map_err(err)?;
        Ok(())
    }
}

const TEMP_PREFIX: &str = ".journal.txt.";
const TEMP_SUFFIX: &str = ".tmp";

#[cfg(unix)]
fn current_user() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// Whether this user owns the file (Unix; elsewhere every file the app can list is taken as its own).
fn mine(m: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        m.uid() == current_user()
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        true
    }
}

/// Why a folder cannot be trusted with files of the user's: not a folder, someone else's, or one
/// others can change (Unix: the owner and the mode; Windows' access lists are not read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderProblem {
    NotAFolder,
    OtherUser(u32),
    OthersCanWrite(u32),
}

impl std::fmt::Display for FolderProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FolderProblem::NotAFolder => write!(f, "not a folder"),
            FolderProblem::OtherUser(uid) => write!(f, "belongs to another user (uid {uid})"),
            FolderProblem::OthersCanWrite(mode) => {
                write!(f, "others can change what is in it (mode {mode:04o})")
            }
        }
    }
}

/// What is wrong with the folder `meta` describes, if anything.
pub fn folder_problem(meta: &fs::Metadata) -> Option<FolderProblem> {
    if !meta.is_dir() {
        return Some(FolderProblem::NotAFolder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.uid() != current_user() {
            return Some(FolderProblem::OtherUser(meta.uid()));
        }
        let mode = meta.mode() & 0o7777;
        if mode & 0o022 != 0 {
            return Some(FolderProblem::OthersCanWrite(mode));
        }
    }
    None
}

/// The folder may hold the journal only if nobody else can change what is in it.
fn check_folder(dir: &Path, meta: &fs::Metadata) -> Result<(), JournalError> {
    let Some(problem) = folder_problem(meta) else {
        return Ok(());
    };
    let fix = match problem {
        FolderProblem::NotAFolder => "",
        FolderProblem::OtherUser(_) => "; choose a folder of your own with --data-dir",
        FolderProblem::OthersCanWrite(_) => {
            "; make it private with `chmod 700` or choose another folder with --data-dir"
        }
    };
    Err(JournalError::UnsafeFolder {
        path: dir.to_path_buf(),
        reason: format!("{problem}{fix}"),
    })
}

/// Writes `text` at `path` durably and atomically: a fresh temporary file beside it (an
/// unpredictable name starting with `prefix`, created exclusively, 0600 whatever the umask),
/// flushed, renamed into place, then the folder flushed. With `replace` it takes the place of what
/// is there; without, it fails with `AlreadyExists` if anything is (never replacing a file that
/// appeared meanwhile). On any error the temporary file is removed and `path` is as it was.
pub fn write_file_atomically(
    path: &Path,
    text: &str,
    prefix: &str,
    replace: bool,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(TEMP_SUFFIX).rand_bytes(10);
    #[cfg(unix)]
    builder.permissions(fs::Permissions::from_mode(0o600));
    let mut temp = builder.tempfile_in(dir)?;
    #[cfg(unix)]
    temp.as_file()
        .set_permissions(fs::Permissions::from_mode(0o600))?;
    temp.as_file_mut().write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    if replace {
        temp.persist(path).map_err(|e| e.error)?;
    } else {
        temp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    // Windows cannot open a folder as a file (nor needs to, to make a rename durable).
    #[cfg(unix)]
    File::open(dir).and_then(|d| d.sync_all())?;
    Ok(())
}

fn kind_of(t: &fs::FileType) -> &'static str {
    if t.is_symlink() {
        return "a symbolic link";
    }
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    "not a regular file"
}

/// Why a file could not be opened as a regular file.
pub(crate) enum Opened {
    Io(io::Error),
    NotAFile(&'static str),
}

/// Opens `path` as a regular file, never following a link and never waiting on a FIFO or a
/// device: a link is refused, anything but a regular file is refused after opening.
pub(crate) fn open_regular(path: &Path, options: &mut OpenOptions) -> Result<File, Opened> {
    // Named first, so that a FIFO opened for writing does not fail as "no such device".
    if let Ok(m) = fs::symlink_metadata(path)
        && !m.file_type().is_file()
    {
        return Err(Opened::NotAFile(kind_of(&m.file_type())));
    }
    // Unix: a link is refused by the open itself. Elsewhere (no O_NOFOLLOW) by the check above
    // and the one after opening.
    #[cfg(unix)]
    options
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC);
    let file = match options.open(path) {
        Ok(f) => f,
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(Opened::NotAFile("a symbolic link"));
        }
        Err(e) => return Err(Opened::Io(e)),
    };
    let meta = file.metadata().map_err(Opened::Io)?;
    if !meta.file_type().is_file() {
        return Err(Opened::NotAFile(kind_of(&meta.file_type())));
    }
    Ok(file)
}

/// The file opened for reading, `None` if it does not exist.
fn open_to_read(path: &Path) -> Result<Option<File>, JournalError> {
    match open_regular(path, OpenOptions::new().read(true)) {
        Ok(f) => Ok(Some(f)),
        Err(Opened::Io(e)) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(Opened::Io(e)) if e.kind() == io::ErrorKind::NotADirectory => {
            Err(JournalError::UnsafeFolder {
                path: path.parent().unwrap_or(path).to_path_buf(),
                reason: "not a folder".to_string(),
            })
        }
        Err(Opened::Io(source)) => Err(JournalError::Read {
            path: path.to_path_buf(),
            source,
        }),
        Err(Opened::NotAFile(what)) => Err(JournalError::NotAFile {
            path: path.to_path_buf(),
            what,
        }),
    }
}

/// The file's text, `None` if it does not exist.
fn read_limited(path: &Path) -> Result<Option<String>, JournalError> {
    let err = |source| JournalError::Read {
        path: path.to_path_buf(),
        source,
    };
    let Some(file) = open_to_read(path)? else {
        return Ok(None);
    };
    // Sized from the file's length, so a large journal is read in one go, not by doubling.
    let size = file
        .metadata()
        .map_or(0, |m| m.len().min(MAX_JOURNAL_BYTES + 1));
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(MAX_JOURNAL_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(err)?;
    if bytes.len() as u64 > MAX_JOURNAL_BYTES {
        return Err(JournalError::Parse {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: format!("larger than {} MiB", MAX_JOURNAL_BYTES >> 20),
        });
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(Some(s)),
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
            Err(JournalError::Parse {
                path: path.to_path_buf(),
                line,
                column,
                message: "not valid UTF-8".to_string(),
            })
        }
    }
}
