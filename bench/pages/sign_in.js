// Both bench pages get their member token the same way.
export async function signIn(memberId = 'm_ada') {
  const response = await fetch('/demo/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ memberId }),
  });
  return (await response.json()).token;
}
