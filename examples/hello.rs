//! The reference for the start-up and memory budgets (PRODUCT.md, Budgets): the smallest ratatui 0.30
//! app that draws one frame and waits for `q`. Built in the same release profile as `cramp`:
//! `cargo build --release --example hello`, then `target/release/examples/hello`. See BENCHMARKS.md.

use crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::widgets::Paragraph;

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let drawn = terminal.draw(|frame| frame.render_widget(Paragraph::new("Hello"), frame.area()));
    let result = drawn.map(drop).and_then(|()| {
        loop {
            if let Event::Key(key) = event::read()?
                && key.kind == KeyEventKind::Press
                && key.code == KeyCode::Char('q')
            {
                break Ok(());
            }
        }
    });
    ratatui::restore();
    result
}
