//! `cramp insights`: cramp nights against habits kept, as plain text.

use cramp_coach::config::Config;
use cramp_coach::config::locations::Locations;
use cramp_coach::content::Content;
use cramp_coach::insights;

use super::clock;
use super::exit;
use super::journal::read;
use super::output::print;

pub fn show(content: &Content, config: &Config, locations: &Locations) -> exit::Result {
    let journal = read(locations)?;
    if journal.is_empty() {
        return super::output::say_empty(cramp_coach::strings::cli::NO_INSIGHTS);
    }
    let i = insights::compute(content, &journal, clock::tonight(config));
    print(&insights::to_text(content, &i))
}
