-- A GB18030 draft in headless Neovim (0.10 and 0.11), against the real server:
--
--   nvim --headless --clean -l editors/nvim/test/encoding.lua <project>/gb18030.txt <outside>/gb18030.txt
--
-- <project> has a jiaodui.toml; <outside> has none above it. The draft is
-- examples/gb18030-社区食堂.txt: GB18030 with CRLF line endings, two half-width commas. Neovim's
-- default 'fileencodings' would read it as Latin-1; the plugin makes it try GB18030 for
-- drafts inside a jiaodui project, so the server sees the Chinese text and reports both.
local H = dofile(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)) .. '/helpers.lua')
local RULE = 'punct/halfwidth'
local TIMEOUT = tonumber(os.getenv('JIAODUI_TEST_TIMEOUT_MS') or '') or 10000

-- Any warning or error the plugin raises is recorded: none is expected here.
local notes = {}
local notify = vim.notify
vim.notify = function(msg, level, opts)
  if (level or 0) >= vim.log.levels.WARN then
    notes[#notes + 1] = msg
  end
  return notify(msg, level, opts)
end

H.load_plugin()
local inside, outside = assert(arg[1]), assert(arg[2])
local fencs = vim.o.fileencodings

vim.cmd.edit(vim.fn.fnameescape(inside))
local buf = vim.api.nvim_get_current_buf()
H.check(vim.bo[buf].fileencoding == 'gb18030', "the draft is read as GB18030 ('fileencoding')", vim.bo[buf].fileencoding)
H.check(vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1] == '社区食堂开业', 'its headline reads 社区食堂开业',
  vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1])
H.check(vim.bo[buf].fileformat == 'dos', 'its CRLF line endings are kept', vim.bo[buf].fileformat)
H.check(vim.wait(1000, function()
  return vim.o.fileencodings == fencs
end, 20), "'fileencodings' is back to what it was after the read", vim.o.fileencodings)

H.check(H.wait(TIMEOUT, function()
  return #H.diagnostics(buf, RULE) >= 2
end), 'findings arrive for the GB18030 draft', function()
  return 'got ' .. H.describe(H.diagnostics(buf))
end)
vim.wait(300) -- a duplicate (push next to pull) would arrive now
local diags = H.diagnostics(buf, RULE)
local line = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
local cols = {}
for i, d in ipairs(diags) do
  cols[i] = d.lnum .. ':' .. d.col
end
-- Byte columns of the two commas in the UTF-8 buffer: after "　　本报讯（记者 王海）13日" and
-- after "…正式开业".
local first = line:find(',', 1, true)
local second = line:find(',', first + 1, true)
H.check(#diags == 2 and diags[1].lnum == 2 and diags[1].col == first - 1 and diags[2].lnum == 2 and diags[2].col == second - 1,
  ('exactly two punct/halfwidth findings, at the commas (line 2, byte columns %d and %d)'):format(first - 1, second - 1),
  table.concat(cols, ', '))
H.check(#notes == 0, 'no warning from the plugin', vim.inspect(notes))

-- Outside a jiaodui project the plugin leaves the file alone: Neovim's own defaults apply.
vim.cmd.edit(vim.fn.fnameescape(outside))
local other = vim.api.nvim_get_current_buf()
H.check(vim.bo[other].fileencoding ~= 'gb18030', "outside a project 'fileencodings' is not widened",
  vim.bo[other].fileencoding)
H.check(vim.o.fileencodings == fencs, "'fileencodings' is unchanged", vim.o.fileencodings)

H.finish()
