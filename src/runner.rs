//! The step runner: a routine expanded into a plan of segments, driven by instants it is given.
//!
//! Nothing here reads a clock. Each timed segment has a deadline; when it passes, the next segment's
//! deadline is the old deadline plus its own length, so boundaries never drift however long the routine.
//! Pausing keeps the remainder; resuming sets a fresh deadline from the instant of resuming.

use std::time::{Duration, Instant};

use crate::content::{Routine, Side};

pub const ADD_TIME: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// "Get ready" before the first step.
    LeadIn,
    /// A step of the routine (one side, one repeat).
    Step,
    /// Rest between repeats of a step.
    Rest,
    /// Getting into position for a new stretch (`step` is the one to come).
    Position,
    /// Changing legs within a step (`side` is the leg to come).
    Switch,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub kind: SegmentKind,
    /// Index into the routine's steps (for a lead-in: the first step).
    pub step: usize,
    pub side: Option<Side>,
    /// 1-based repeat number and how many there are.
    pub rep: u32,
    pub reps: u32,
    /// `None`: untimed, runs until `finish_untimed`.
    pub duration: Option<Duration>,
}

/// The whole routine, sides, repeats and rests spelled out in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub segments: Vec<Segment>,
    pub total: Duration,
}

impl Plan {
    pub fn build(routine: &Routine, lead_in_seconds: u32) -> Plan {
        let mut segments = Vec::new();
        if lead_in_seconds > 0 {
            segments.push(Segment {
                kind: SegmentKind::LeadIn,
                step: 0,
                side: None,
                rep: 1,
                reps: 1,
                duration: Some(Duration::from_secs(u64::from(lead_in_seconds))),
            });
        }
        for (index, step) in routine.steps.iter().enumerate() {
            let sides: Vec<Option<Side>> = if step.sides.is_empty() {
                vec![None]
            } else {
                step.sides.iter().copied().map(Some).collect()
            };
            let reps = if step.seconds.is_some() {
                step.repeat
            } else {
                1
            };
            let switch = (step.switch_seconds > 0)
                .then(|| Duration::from_secs(u64::from(step.switch_seconds)));
            for (side_index, side) in sides.into_iter().enumerate() {
                // No hold starts while the person is still moving: a moment to get into position
                // for a new stretch (the first one has the lead-in) and to change legs.
                if let Some(d) = switch
                    && (index > 0 || side_index > 0)
                {
                    segments.push(Segment {
                        kind: if side_index > 0 {
                            SegmentKind::Switch
                        } else {
                            SegmentKind::Position
                        },
                        step: index,
                        side,
                        rep: 1,
                        reps: 1,
                        duration: Some(d),
                    });
                }
                for rep in 1..=reps {
                    segments.push(Segment {
                        kind: SegmentKind::Step,
                        step: index,
                        side,
                        rep,
                        reps,
                        duration: step.seconds.map(|s| Duration::from_secs(u64::from(s))),
                    });
                    if rep < reps
                        && let Some(rest) = step.rest_seconds
                    {
                        segments.push(Segment {
                            kind: SegmentKind::Rest,
                            step: index,
                            side,
                            rep,
                            reps,
                            duration: Some(Duration::from_secs(u64::from(rest))),
                        });
                    }
                }
            }
        }
        let total = segments.iter().filter_map(|s| s.duration).sum();
        Plan { segments, total }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Timer {
    /// Timed, running: ends at `deadline`.
    Running { deadline: Instant },
    /// Timed, paused with this much left.
    Paused { remaining: Duration },
    /// Untimed, counting up since `since` (paused time already excluded).
    Counting { since: Instant },
    /// Untimed, paused after this much.
    Held { elapsed: Duration },
}

/// What the person should notice: a new segment began, or the routine ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A new segment started.
    Segment,
    /// A new segment started on the other side.
    SwitchSide,
    Done,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Runner {
    plan: Plan,
    index: usize,
    timer: Timer,
    done: bool,
    started_at: Instant,
    /// The current segment's length once `+` has lengthened it.
    segment_length: Option<Duration>,
    /// Steps (indices) whose segments ran to their end, not skipped.
    completed: Vec<usize>,
    /// When the first untimed step was finished: the cramp let go.
    released_at: Option<Instant>,
}

impl Runner {
    pub fn new(plan: Plan, now: Instant) -> Runner {
        let timer = Self::fresh_timer(&plan, 0, now, false);
        let done = plan.segments.is_empty();
        Runner {
            plan,
            index: 0,
            timer,
            done,
            started_at: now,
            segment_length: None,
            completed: Vec::new(),
            released_at: None,
        }
    }

    fn fresh_timer(plan: &Plan, index: usize, start: Instant, paused: bool) -> Timer {
        match plan.segments.get(index).and_then(|s| s.duration) {
            Some(d) if paused => Timer::Paused { remaining: d },
            Some(d) => Timer::Running {
                deadline: start + d,
            },
            None if paused => Timer::Held {
                elapsed: Duration::ZERO,
            },
            None => Timer::Counting { since: start },
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn index(&self) -> usize {
        self.index
    }

    pub fn started_at(&self) -> Instant {
        self.started_at
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    pub fn is_paused(&self) -> bool {
        !self.done && matches!(self.timer, Timer::Paused { .. } | Timer::Held { .. })
    }

    pub fn current(&self) -> Option<&Segment> {
        if self.done {
            None
        } else {
            self.plan.segments.get(self.index)
        }
    }

    /// The next segment that is a step (rests and lead-ins skipped), for "next: …".
    pub fn upcoming_step(&self) -> Option<&Segment> {
        if self.done {
            return None;
        }
        self.plan.segments[self.index + 1..]
            .iter()
            .find(|s| s.kind == SegmentKind::Step)
    }

    /// The deadline of a running timed segment.
    pub fn deadline(&self) -> Option<Instant> {
        match self.timer {
            Timer::Running { deadline } if !self.done => Some(deadline),
            _ => None,
        }
    }

    /// Time left in a timed segment.
    pub fn remaining(&self, now: Instant) -> Option<Duration> {
        if self.done {
            return None;
        }
        match self.timer {
            Timer::Running { deadline } => Some(deadline.saturating_duration_since(now)),
            Timer::Paused { remaining } => Some(remaining),
            _ => None,
        }
    }

    /// Time spent so far in an untimed segment.
    pub fn elapsed(&self, now: Instant) -> Option<Duration> {
        if self.done {
            return None;
        }
        match self.timer {
            Timer::Counting { since } => Some(now.saturating_duration_since(since)),
            Timer::Held { elapsed } => Some(elapsed),
            _ => None,
        }
    }

    /// Whole seconds to show: rounded up while counting down (so 0 is never shown mid-step), down when
    /// counting up.
    pub fn shown_seconds(&self, now: Instant) -> Option<u64> {
        if let Some(r) = self.remaining(now) {
            return Some(r.as_secs() + u64::from(r.subsec_nanos() > 0));
        }
        self.elapsed(now).map(|e| e.as_secs())
    }

    /// The length of the current segment, as it stands (with any added time).
    fn current_length(&self, now: Instant) -> Option<Duration> {
        let base = self.current()?.duration?;
        let remaining = self.remaining(now)?;
        let length = self.segment_length.unwrap_or(base);
        Some(length.max(remaining))
    }

    /// 0.0..=1.0 through the current timed segment; `None` for untimed ones.
    pub fn segment_progress(&self, now: Instant) -> Option<f64> {
        let length = self.current_length(now)?;
        let remaining = self.remaining(now)?;
        if length.is_zero() {
            return Some(1.0);
        }
        Some((1.0 - remaining.as_secs_f64() / length.as_secs_f64()).clamp(0.0, 1.0))
    }

    /// What is really left of the routine's timed segments: the current one's remainder (with any
    /// time `+` added) and every later one. An untimed hold adds nothing: it ends when it lets go.
    pub fn time_left(&self, now: Instant) -> Duration {
        if self.done {
            return Duration::ZERO;
        }
        let later: Duration = self.plan.segments[self.index + 1..]
            .iter()
            .filter_map(|s| s.duration)
            .sum();
        later + self.remaining(now).unwrap_or_default()
    }

    /// 0.0..=1.0 through the routine's timed segments, counting time added with `+`.
    pub fn routine_progress(&self, now: Instant) -> f64 {
        if self.done {
            return 1.0;
        }
        let before: Duration = self.plan.segments[..self.index]
            .iter()
            .filter_map(|s| s.duration)
            .sum();
        let within = match (self.current_length(now), self.remaining(now)) {
            (Some(length), Some(r)) => length.saturating_sub(r),
            _ => Duration::ZERO,
        };
        let done = before + within;
        let total = done + self.time_left(now);
        if total.is_zero() {
            return self.index as f64 / self.plan.segments.len().max(1) as f64;
        }
        (done.as_secs_f64() / total.as_secs_f64()).clamp(0.0, 1.0)
    }

    /// The segment after the current one, whatever its kind, for "next: …".
    pub fn next_segment(&self) -> Option<&Segment> {
        if self.done {
            return None;
        }
        self.plan.segments.get(self.index + 1)
    }

    /// When the screen next changes by itself: the next whole second shown, or the deadline.
    /// `None` when nothing moves (paused or done): the caller then sleeps until an event.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        if self.done {
            return None;
        }
        match self.timer {
            Timer::Running { deadline } => {
                let remaining = deadline.saturating_duration_since(now);
                let shown = remaining.as_secs() + u64::from(remaining.subsec_nanos() > 0);
                let change = deadline.checked_sub(Duration::from_secs(shown.saturating_sub(1)));
                Some(change.unwrap_or(deadline).max(now))
            }
            Timer::Counting { since } => {
                let elapsed = now.saturating_duration_since(since);
                Some(since + Duration::from_secs(elapsed.as_secs() + 1))
            }
            _ => None,
        }
    }

    /// Moves past every deadline that `now` has reached. Returns the cue for the last boundary crossed.
    pub fn advance(&mut self, now: Instant) -> Option<Cue> {
        let mut cue = None;
        while let Timer::Running { deadline } = self.timer {
            if self.done || now < deadline {
                break;
            }
            self.mark_completed();
            cue = Some(self.enter(self.index + 1, deadline, false));
        }
        cue
    }

    fn mark_completed(&mut self) {
        if let Some(seg) = self.current().filter(|s| s.kind == SegmentKind::Step)
            && !self.completed.contains(&seg.step)
        {
            self.completed.push(seg.step);
        }
    }

    /// Steps (1-based) that ran to their end, in order.
    pub fn completed_steps(&self) -> Vec<u16> {
        let mut steps: Vec<u16> = self.completed.iter().map(|&i| (i + 1) as u16).collect();
        steps.sort_unstable();
        steps
    }

    /// When the first untimed step ("hold until it lets go") was finished.
    pub fn released_at(&self) -> Option<Instant> {
        self.released_at
    }

    /// Moves to segment `index`, starting at `start`. Past the end: done.
    fn enter(&mut self, index: usize, start: Instant, paused: bool) -> Cue {
        let previous_side = self
            .current()
            .filter(|s| s.kind == SegmentKind::Step)
            .and_then(|s| s.side);
        self.segment_length = None;
        if index >= self.plan.segments.len() {
            self.done = true;
            self.index = self.plan.segments.len().saturating_sub(1);
            self.timer = Timer::Held {
                elapsed: Duration::ZERO,
            };
            return Cue::Done;
        }
        self.index = index;
        self.timer = Self::fresh_timer(&self.plan, index, start, paused);
        let seg = &self.plan.segments[index];
        match (previous_side, seg.side) {
            (Some(a), Some(b))
                if a != b && matches!(seg.kind, SegmentKind::Step | SegmentKind::Switch) =>
            {
                Cue::SwitchSide
            }
            _ => Cue::Segment,
        }
    }

    pub fn toggle_pause(&mut self, now: Instant) {
        if self.done {
            return;
        }
        self.timer = match self.timer {
            Timer::Running { deadline } => Timer::Paused {
                remaining: deadline.saturating_duration_since(now),
            },
            Timer::Paused { remaining } => Timer::Running {
                deadline: now + remaining,
            },
            Timer::Counting { since } => Timer::Held {
                elapsed: now.saturating_duration_since(since),
            },
            Timer::Held { elapsed } => Timer::Counting {
                since: now.checked_sub(elapsed).unwrap_or(now),
            },
        };
    }

    /// Enter on an untimed step: "it let go". Returns the cue, or `None` if the step is timed.
    pub fn finish_untimed(&mut self, now: Instant) -> Option<Cue> {
        if self.done || !matches!(self.timer, Timer::Counting { .. } | Timer::Held { .. }) {
            return None;
        }
        self.mark_completed();
        self.released_at.get_or_insert(now);
        Some(self.enter(self.index + 1, now, false))
    }

    /// Skips to the next step (past rests), keeping a paused runner paused. Past the last: done.
    pub fn next(&mut self, now: Instant) -> Option<Cue> {
        if self.done {
            return None;
        }
        let paused = self.is_paused();
        let target = (self.index + 1..self.plan.segments.len())
            .find(|&i| self.plan.segments[i].kind == SegmentKind::Step)
            .unwrap_or(self.plan.segments.len());
        Some(self.enter(target, now, paused))
    }

    /// Back to the previous step (past rests and the lead-in); from the first step, that step again.
    /// From the done screen: the last segment.
    pub fn previous(&mut self, now: Instant) -> Option<Cue> {
        let segments = &self.plan.segments;
        let last = segments.len().checked_sub(1)?;
        let (from, paused) = if self.done {
            (last + 1, false)
        } else {
            (self.index, self.is_paused())
        };
        let target = (0..from)
            .rev()
            .find(|&i| segments[i].kind == SegmentKind::Step)
            .unwrap_or(self.index.min(from));
        self.done = false;
        self.segment_length = None;
        self.index = target;
        self.timer = Self::fresh_timer(&self.plan, target, now, paused);
        Some(Cue::Segment)
    }

    /// `+`: more time on a timed segment.
    pub fn add_time(&mut self, now: Instant, extra: Duration) -> bool {
        let length = self.current_length(now);
        match &mut self.timer {
            Timer::Running { deadline } => *deadline += extra,
            Timer::Paused { remaining } => *remaining += extra,
            _ => return false,
        }
        self.segment_length = length.map(|l| l + extra);
        true
    }

    /// Back to the first segment, running.
    pub fn restart(&mut self, now: Instant) {
        self.done = false;
        self.index = 0;
        self.segment_length = None;
        self.started_at = now;
        self.completed.clear();
        self.released_at = None;
        self.timer = Self::fresh_timer(&self.plan, 0, now, false);
        self.done = self.plan.segments.is_empty();
    }
}
