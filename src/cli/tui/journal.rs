//! The journal, as the TUI reaches it: read at start and whenever someone else changed it, and
//! changed on a worker thread, one change at a time, so that a lock held by another cramp (waited
//! on for up to ten seconds) never holds up the countdown. Every result comes back to the loop as a
//! message for the model.

use std::time::Duration;

use jiff::civil::Date;

use cramp_coach::app::{App, LogPrompt, Msg, NightChange};
use cramp_coach::content::Habit;
use cramp_coach::habits;
use cramp_coach::journal::{Episode, Stamp, Store};
use cramp_coach::night::{in_range, range_text};
use cramp_coach::strings;

/// A change for the worker.
enum Job {
    Habit {
        habit: Habit,
        night: Date,
        change: habits::Change,
    },
    Cramp(Episode),
    Night {
        night: Date,
        change: NightChange,
    },
}

/// What the worker reports: a message for the model, and the file's stamp after a write.
pub struct Report {
    msg: Msg,
    stamp: Option<Option<Stamp>>,
}

pub struct JournalLink {
    store: Option<Store>,
    /// How the file looked when last read or written here.
    stamp: Option<Stamp>,
    jobs: Option<std::sync::mpsc::Sender<Job>>,
    /// Changes handed to the worker and not reported yet: while there are any, the file changing
    /// is this window's own doing, not news to read again.
    in_flight: usize,
    worker: Option<std::thread::JoinHandle<()>>,
    reports_tx: tokio::sync::mpsc::UnboundedSender<Report>,
    pub reports: tokio::sync::mpsc::UnboundedReceiver<Report>,
}

impl JournalLink {
    pub fn new(store: Option<Store>) -> JournalLink {
        let (reports_tx, reports) = tokio::sync::mpsc::unbounded_channel();
        JournalLink {
            store,
            stamp: None,
            jobs: None,
            in_flight: 0,
            worker: None,
            reports_tx,
            reports,
        }
    }

    /// The journal as it is on disk, as messages for the model (and a warning when the folder
    /// is not private).
    pub fn load(&mut self) -> Vec<Msg> {
        let Some(store) = &self.store else {
            return vec![Msg::JournalLoaded(Err(strings::NO_DATA_DIR.to_string()))];
        };
        // Conflict copies a sync tool left are merged in now (said once, in the status line).
        let journal = store.fold_conflict_copies().map_err(|e| e.to_string());
        self.stamp = store.stamp();
        let mut msgs = vec![Msg::JournalLoaded(journal)];
        msgs.extend(store.folder_warning().map(Msg::Notice));
        msgs
    }

    /// The journal again if someone else (another window, `cramp check`, a sync tool) changed it,
    /// or left a conflict copy beside it.
    pub fn refresh(&mut self) -> Vec<Msg> {
        match &self.store {
            Some(_) if self.in_flight > 0 => Vec::new(),
            Some(store) if store.stamp() != self.stamp || !store.conflict_copies().is_empty() => {
                self.load()
            }
            _ => Vec::new(),
        }
    }

    /// The journal's folder, if there is one.
    pub fn dir(&self) -> Option<std::path::PathBuf> {
        self.store.as_ref().map(|s| s.dir().to_path_buf())
    }

    /// Hands a change to the worker (started on the first change); a message if it cannot.
    fn send(&mut self, job: Job) -> Option<Msg> {
        let Some(store) = &self.store else {
            return Some(failed(strings::NO_DATA_DIR.to_string()));
        };
        let worker = &mut self.worker;
        let jobs = self.jobs.get_or_insert_with(|| {
            let (tx, rx) = std::sync::mpsc::channel::<Job>();
            let store = store.clone();
            let reports = self.reports_tx.clone();
            *worker = Some(std::thread::spawn(move || {
                for job in rx {
                    let msg = work(&store, job, &reports);
                    // The loop may have ended: the change is on disk all the same.
                    let _ = reports.send(Report {
                        msg,
                        stamp: Some(store.stamp()),
                    });
                }
            }));
            tx
        });
        match jobs.send(job) {
            Ok(()) => {
                self.in_flight += 1;
                None
            }
            Err(_) => Some(failed("the journal worker stopped".to_string())),
        }
    }

    /// A habit change for the worker.
    pub fn change(
        &mut self,
        app: &App,
        night: Date,
        habit: &str,
        change: habits::Change,
    ) -> Option<Msg> {
        let habit = app.content.habit(habit)?.clone();
        if !in_range(night) {
            return Some(failed(clock_message(night)));
        }
        self.send(Job::Habit {
            habit,
            night,
            change,
        })
    }

    /// A skip or note for the worker.
    pub fn night(&mut self, night: Date, change: NightChange) -> Option<Msg> {
        if !in_range(night) {
            return Some(failed(clock_message(night)));
        }
        self.send(Job::Night { night, change })
    }

    /// A cramp for the worker: the prompt made an episode that began `since_start` ago by the
    /// wall clock.
    pub fn log(&mut self, prompt: &LogPrompt, since_start: Duration) -> Option<Msg> {
        let now = jiff::Timestamp::now();
        let since = jiff::SignedDuration::try_from(since_start).unwrap_or_default();
        let began = now.checked_sub(since).unwrap_or(now);
        let episode = prompt.episode(began, &crate::cli::clock::local_zone());
        if !in_range(episode.night) {
            return Some(failed(clock_message(episode.night)));
        }
        self.send(Job::Cramp(episode))
    }

    /// What the worker reported, as a message for the model.
    pub fn report(&mut self, report: Report) -> Msg {
        if let Some(stamp) = report.stamp {
            self.stamp = stamp;
            self.in_flight = self.in_flight.saturating_sub(1);
        }
        report.msg
    }

    /// Lets changes already asked for reach the disk before the process ends.
    pub fn finish(&mut self) {
        self.jobs = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn failed(error: String) -> Msg {
    Msg::JournalFailed {
        error,
        unreadable: false,
    }
}

fn clock_message(night: Date) -> String {
    format!(
        "the clock says it is the night of {night}; the journal keeps {}",
        range_text()
    )
}

/// One change, on the worker thread.
fn work(store: &Store, job: Job, reports: &tokio::sync::mpsc::UnboundedSender<Report>) -> Msg {
    let waiting = || {
        let _ = reports.send(Report {
            msg: Msg::JournalWaiting,
            stamp: None,
        });
    };
    let result = match job {
        Job::Habit {
            habit,
            night,
            change,
        } => store
            .update_waiting(waiting, |j| habits::apply(j, &habit, night, change))
            .map(|(journal, _)| Msg::JournalSaved {
                journal,
                habit: habit.id.clone(),
                night,
            }),
        Job::Night { night, change } => store
            .update_waiting(waiting, |j| change.apply(j, night))
            .map(|(journal, _)| Msg::NightSaved {
                journal,
                night,
                change,
            }),
        Job::Cramp(episode) => {
            let entropy = crate::cli::journal::entropy();
            store
                .update_waiting(waiting, |j| j.add_episode(episode.clone(), entropy))
                .map(|(journal, id)| Msg::EpisodeSaved {
                    journal,
                    episode: Episode { id, ..episode },
                })
        }
    };
    result.unwrap_or_else(|e| Msg::JournalFailed {
        error: e.to_string(),
        unreadable: e.is_unreadable(),
    })
}
