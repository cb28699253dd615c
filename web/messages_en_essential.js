// The few English messages the widget keeps in its own code: what it shows
// while no catalog has arrived, or when none can be had (then it says it
// could not load, with Try again). Every other message, English included,
// is a catalog the page fetches (locale_catalog.js).

export default {
  'widget.title': 'Your rewards',
  'widget.loading': 'Loading your rewards…',
  'widget.retry': 'Try again',
  'widget.signedOut': 'Sign in to see your points and rewards.',
  'widget.failed': "We couldn't load your rewards.",
};
