//! `cramp run --plain`: the routine as lines of text, in real time, with no escape sequences.

use std::io::{BufRead, IsTerminal, Write};
use std::time::{Duration, Instant};

use cramp_coach::app::{Bell, RING_GAP};
use cramp_coach::config::Config;
use cramp_coach::content::Content;
use cramp_coach::runner::{Cue, Plan, Runner};
use cramp_coach::strings::guide;

use super::exit::{self, Failure};

fn sleep_until(t: Instant) {
    let now = Instant::now();
    if t > now {
        std::thread::sleep(t - now);
    }
}

pub fn run(content: &Content, config: &Config, id: &str, quiet: bool) -> exit::Result {
    let Some(routine) = content.routine(id) else {
        return Err(Failure::Quiet(exit::USAGE));
    };
    let interactive = std::io::stdin().is_terminal();
    let bell = config.bell && !quiet;
    let mut out = std::io::stdout().lock();
    let result = (|| -> std::io::Result<()> {
        let start = Instant::now();
        let mut runner = Runner::new(Plan::build(routine, config.lead_in_seconds), start);
        writeln!(out, "{}", guide::header(routine))?;
        let mut cue = Some(Cue::Segment);
        let mut stdin = std::io::stdin().lock();
        loop {
            if runner.is_done() {
                writeln!(out, "{}", guide::done_line(routine, Instant::now() - start))?;
                return ring(&mut out, bell, Bell::Done);
            }
            let Some(seg) = runner.current().cloned() else {
                return Ok(());
            };
            if let Some(c) = cue.take() {
                if c == Cue::SwitchSide {
                    writeln!(out, "{}", guide::switch_sides_line())?;
                }
                writeln!(out, "{}", guide::segment_line(routine, &seg))?;
                ring(
                    &mut out,
                    bell,
                    if c == Cue::SwitchSide {
                        Bell::SwitchSide
                    } else {
                        Bell::Step
                    },
                )?;
            }
            match (seg.duration, runner.deadline()) {
                (Some(length), Some(deadline)) => {
                    out.flush()?;
                    for left in guide::milestones(length) {
                        sleep_until(deadline - Duration::from_secs(left));
                        writeln!(out, "{}", guide::milestone_line(left))?;
                        out.flush()?;
                    }
                    sleep_until(deadline);
                    // Exactly one boundary at a time: if the process fell behind, every skipped
                    // step still gets its line.
                    cue = runner.advance(deadline);
                }
                _ => {
                    writeln!(out, "{}", guide::untimed_prompt(interactive))?;
                    out.flush()?;
                    let began = Instant::now();
                    let mut line = String::new();
                    if !interactive || stdin.read_line(&mut line)? == 0 {
                        sleep_until(began + guide::UNATTENDED_HOLD);
                    }
                    cue = runner.finish_untimed(Instant::now());
                }
            }
        }
    })();
    result.map_err(|e| super::output::write_failed(&e))
}

/// The bell pattern for a change, as in the TUI: one ring, two to switch sides, three when done.
fn ring(out: &mut impl Write, bell: bool, pattern: Bell) -> std::io::Result<()> {
    if !bell {
        return out.flush();
    }
    for i in 0..pattern.rings() {
        if i > 0 {
            std::thread::sleep(RING_GAP);
        }
        out.write_all(b"\x07")?;
        out.flush()?;
    }
    Ok(())
}
