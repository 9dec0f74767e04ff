//! `cramp export`: episodes and nightly habits for a clinician, as CSV or a Markdown summary.

use jiff::civil::Date;

use cramp_coach::config::Config;
use cramp_coach::config::locations::Locations;
use cramp_coach::content::Content;
use cramp_coach::export;

use super::args::Format;
use super::clock;
use super::exit::{self, Failure};
use super::journal::read;
use super::output::print;

pub fn run(
    content: &Content,
    config: &Config,
    locations: &Locations,
    format: Format,
    since: Option<Date>,
) -> exit::Result {
    let journal = read(locations)?;
    let tonight = clock::tonight(config);
    if since.is_some_and(|d| d > tonight) {
        return Err(Failure::usage(format!(
            "--since is in the future: tonight is the night of {tonight}"
        )));
    }
    let text = match format {
        Format::Csv => export::csv(content, &journal, since, tonight),
        Format::Markdown => export::markdown(content, &journal, since, tonight),
    };
    print(&text)
}
