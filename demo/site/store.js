// The demo store's own script: a member switcher standing in for the
// brand's sign-in. It asks the reference backend for a member token (a real
// brand's server would issue it) and hands it to the widget.

const switcher = document.querySelector('#member-switcher');
const widget = document.querySelector('#rewards-widget');
const greeting = document.querySelector('#greeting');
const email = document.querySelector('#member-email');

async function signIn(member) {
  const response = await fetch('/demo/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ memberId: member.id }),
  });
  if (!response.ok) throw new Error(`sign-in failed: HTTP ${response.status}`);
  const { token } = await response.json();
  greeting.textContent = `Welcome back, ${member.name}`;
  email.textContent = `${member.name.toLowerCase()}@example.com`;
  widget.token = token;
  const url = new URL(location.href);
  url.searchParams.set('member', member.id);
  history.replaceState(null, '', url);
}

async function start() {
  const members = await (await fetch('/demo/members')).json();
  for (const member of members) {
    switcher.append(new Option(`${member.name} (${member.tierId})`, member.id));
  }
  const wanted = new URL(location.href).searchParams.get('member');
  const initial = members.find((m) => m.id === wanted) ?? members[0];
  switcher.value = initial.id;
  switcher.addEventListener('change', () => signIn(members.find((m) => m.id === switcher.value)));
  await signIn(initial);
}

start().catch((error) => {
  greeting.textContent = 'My account';
  console.error('[demo store]', error);
});
